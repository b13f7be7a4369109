using CleanRag.Application.Search.Rewriting;

namespace CleanRag.Application.Tests.Search.Rewriting;

public class HeuristicQueryRewriterTests
{
    private static readonly HeuristicQueryRewriter Rewriter = new();

    private static readonly ConversationTurn[] BenefitsHistory =
    [
        new("How much does the health insurance plan cost per month?",
            "The health insurance plan costs 45 euros per month for employees."),
    ];

    [Test]
    public async Task A_short_follow_up_gets_the_topic_terms_of_the_previous_turns()
    {
        var rewritten = await Rewriter.RewriteAsync("What about dental?", BenefitsHistory, page: null, CancellationToken.None);

        rewritten.Should().StartWith("What about dental?");
        rewritten.Should().Contain("insurance").And.Contain("health");
        rewritten.Split(' ').Length.Should().BeLessThanOrEqualTo(3 + HeuristicQueryRewriter.MaxAddedTerms);
    }

    [Test]
    public async Task A_follow_up_that_leans_on_a_pronoun_gets_context_terms()
    {
        ConversationTurn[] history = [new("Is parental leave paid at Contoso?", "Yes, parental leave is paid for 16 weeks.")];

        var rewritten = await Rewriter.RewriteAsync("And how do I request it from my manager?", history, page: null, CancellationToken.None);

        rewritten.Should().Contain("parental").And.Contain("leave");
    }

    [Test]
    public async Task Terms_the_question_already_has_are_not_added_again()
    {
        var rewritten = await Rewriter.RewriteAsync("and the plan for dental?", BenefitsHistory, page: null, CancellationToken.None);

        rewritten.Should().StartWith("and the plan for dental?").And.Contain("insurance");
        rewritten.Split(' ', '?').Count(w => w == "plan").Should().Be(1);
    }

    [Test]
    public async Task The_latest_turn_weighs_more_than_older_ones()
    {
        ConversationTurn[] history =
        [
            new("Where is the parking garage?", "The parking garage is behind building B."),
            new("Is the gym open on weekends?", "The gym is open on Saturdays."),
        ];

        var rewritten = await Rewriter.RewriteAsync("what about sundays?", history, page: null, CancellationToken.None);

        rewritten.Should().Contain("gym");
        rewritten.IndexOf("gym", StringComparison.Ordinal).Should().BeLessThan(
            rewritten.Contains("parking") ? rewritten.IndexOf("parking", StringComparison.Ordinal) : int.MaxValue);
    }

    [TestCase("How many vacation days do new employees get per year?")]
    [TestCase("What is the reimbursement limit for business travel hotels?")]
    public async Task A_self_contained_question_is_returned_unchanged(string question)
    {
        var rewritten = await Rewriter.RewriteAsync(question, BenefitsHistory, page: null, CancellationToken.None);

        rewritten.Should().Be(question);
    }

    [Test]
    public async Task Without_history_a_follow_up_is_returned_unchanged()
    {
        var rewritten = await Rewriter.RewriteAsync("what about dental?", [], page: null, CancellationToken.None);

        rewritten.Should().Be("what about dental?");
    }

    [Test]
    public async Task A_first_question_leaning_on_the_page_gets_the_terms_of_what_the_page_shows()
    {
        var rewritten = await Rewriter.RewriteAsync("Is this covered?", [], new VisitorPage("https://shop.example.com/frames", "Aviator frames"),
            CancellationToken.None);

        rewritten.Should().Be("Is this covered? aviator frames");
    }
}
