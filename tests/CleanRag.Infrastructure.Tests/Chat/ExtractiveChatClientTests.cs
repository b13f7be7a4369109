using CleanRag.Application.Chat;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Chat;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Tests.Chat;

public class ExtractiveChatClientTests
{
    private static SearchHit Passage(string title, string text, int? page = null) =>
        new(new IndexedChunk(Guid.NewGuid().ToString(), Guid.NewGuid(), 1, title, text, null, page, page, 0, text.Length, ReadOnlyMemory<float>.Empty),
            1, null, null);

    private static readonly IReadOnlyList<SearchHit> Passages =
    [
        Passage("benefits.pdf", "Northwind Health Plus covers vision exams once a year. Glasses are covered up to $150.", 12),
        Passage("handbook.pdf", "Employees accrue 20 days of paid time off per year. Unused days roll over.", 4),
    ];

    [Test]
    public async Task It_answers_with_verbatim_sentences_of_the_passages_and_cites_them()
    {
        using var client = new ExtractiveChatClient();

        var response = await client.GetResponseAsync(GroundedPrompt.Build(null, Passages, "How much of my glasses is covered?"));

        response.Text.Should().Be("Glasses are covered up to $150. [1]");
        GroundedPrompt.CitedNumbers(response.Text).Should().Equal(1);
        response.ModelId.Should().Be(ExtractiveChatClient.ModelId);
    }

    [Test]
    public async Task It_never_writes_a_sentence_the_passages_do_not_contain()
    {
        using var client = new ExtractiveChatClient();
        var source = string.Join(" ", Passages.Select(p => p.Chunk.Text));

        var response = await client.GetResponseAsync(GroundedPrompt.Build(null, Passages, "How many paid days off do employees get per year?"));

        foreach (var sentence in System.Text.RegularExpressions.Regex.Split(response.Text, @"\s*\[\d+\]\s*").Where(s => s.Length > 0))
            source.Should().Contain(sentence);
        GroundedPrompt.CitedNumbers(response.Text).Should().Contain(2);
    }

    [Test]
    public async Task It_says_so_when_nothing_supports_the_question()
    {
        using var client = new ExtractiveChatClient();

        var response = await client.GetResponseAsync(GroundedPrompt.Build(null, Passages, "What is the capital of Peru?"));

        response.Text.Should().Be(ExtractiveChatClient.NotFoundAnswer);
    }

    [Test]
    public async Task It_streams_the_answer_word_by_word_and_reports_usage()
    {
        using var client = new ExtractiveChatClient();
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in client.GetStreamingResponseAsync(GroundedPrompt.Build(null, Passages, "Are glasses covered?")))
            updates.Add(update);

        var textUpdates = updates.Where(u => !string.IsNullOrEmpty(u.Text)).ToList();
        textUpdates.Should().HaveCountGreaterThan(3);
        string.Concat(textUpdates.Select(u => u.Text)).Should().Be("Glasses are covered up to $150. [1]");
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details.OutputTokenCount.Should().Be(textUpdates.Count);
    }

    [Test]
    public void The_prompt_carries_the_project_prompt_the_rules_and_numbered_passages_with_pages()
    {
        var messages = GroundedPrompt.Build("You are Northwind's HR assistant.", Passages, "Question?");

        var system = messages[0].Text;
        system.Should().StartWith("You are Northwind's HR assistant.");
        system.Should().Contain(GroundedPrompt.Rules);
        system.Should().Contain("[1] (benefits.pdf, page 12)");
        GroundedPrompt.ReadPassages(system).Select(p => p.Number).Should().Equal(1, 2);
        messages[1].Text.Should().Be("Question?");
    }
}
