using CleanRag.Application.Search.Reranking;

namespace CleanRag.Application.Tests.Search.Reranking;

public class SearchTermsTests
{
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("One")]
    [TestCase("What dental coverage do we get?")]
    [TestCase("  [1] Café prices: 3.50€ (VAT incl.)\n\nSecond   paragraph—with dashes, 42 numbers and ünïcödé.  ")]
    public void CountWords_counts_the_words_Words_makes(string text) =>
        SearchTerms.CountWords(text).Should().Be(SearchTerms.Words(text).Count());
}
