using CleanRag.Application.Analytics;

namespace CleanRag.Application.Tests.Analytics;

public class QuestionKeyTests
{
    [TestCase("How do I reset my password?", "Password reset — how?")]
    [TestCase("What are your shipping costs?", "shipping cost")]
    [TestCase("Can I return items?", "Returning an item: can I?")]
    [TestCase("Don't you deliver to Paris?", "deliver to Paris, dont you")]
    public void Similar_wordings_share_a_key(string one, string other) => QuestionKey.For(one).Should().Be(QuestionKey.For(other));

    [TestCase("How do I reset my password?", "How do I reset my email?")]
    [TestCase("Is the bus covered?", "Is the bill covered?")]
    public void Different_questions_do_not(string one, string other) => QuestionKey.For(one).Should().NotBe(QuestionKey.For(other));

    [Test]
    public void A_question_of_stop_words_only_still_has_a_key() => QuestionKey.For("What is it?").Should().Be("is it what");

    [Test]
    public void Group_ids_are_stable_per_project_and_key()
    {
        var project = Guid.NewGuid();

        QuestionKey.GroupId(project, "password reset").Should().Be(QuestionKey.GroupId(project, "password reset"));
        QuestionKey.GroupId(project, "password reset").Should().NotBe(QuestionKey.GroupId(Guid.NewGuid(), "password reset"));
    }
}

public class LatencyHistogramTests
{
    [Test]
    public void Percentiles_of_merged_buckets_are_within_one_bucket_of_the_exact_value()
    {
        var day1 = new int[LatencyHistogram.BucketCount];
        var day2 = new int[LatencyHistogram.BucketCount];
        var samples = Enumerable.Range(1, 1000).Select(i => (long)(i * 7)).ToList(); // 7 ms … 7 s
        foreach (var (ms, i) in samples.Select((ms, i) => (ms, i)))
            (i % 2 == 0 ? day1 : day2)[LatencyHistogram.BucketOf(ms)]++;

        LatencyHistogram.Merge(day1, day2);

        LatencyHistogram.Percentile(day1, 0.50).Should().BeInRange(3500 / 1.19, 3500 * 1.19);
        LatencyHistogram.Percentile(day1, 0.95).Should().BeInRange(6650 / 1.19, 6650 * 1.19);
        LatencyHistogram.Percentile(new int[LatencyHistogram.BucketCount], 0.5).Should().BeNull();
    }

    [Test]
    public void Buckets_cover_sub_millisecond_to_very_slow()
    {
        LatencyHistogram.BucketOf(0).Should().Be(0);
        LatencyHistogram.BucketOf(1).Should().Be(1);
        LatencyHistogram.BucketOf(long.MaxValue).Should().Be(LatencyHistogram.BucketCount - 1);
    }
}
