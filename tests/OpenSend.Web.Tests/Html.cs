using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenSend.Web.Tests;

/// <summary>Reads pages and submits their forms the way a browser without JavaScript would.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        document.Location.Href = response.RequestMessage!.RequestUri!.ToString();
        return document;
    }

    /// <summary>
    /// Submits the page's form (the last POST form in main, or the one matching <paramref name="selector"/>)
    /// with its hidden fields, including the antiforgery token, and <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, IEnumerable<KeyValuePair<string, string>> fields, string? selector = null)
    {
        var form = (selector is null
            ? page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Last(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            : page.QuerySelector(selector) as IHtmlFormElement) ?? throw new InvalidOperationException("No form on the page.");
        return await client.SubmitFormAsync(page, form, fields);
    }

    /// <summary>Submits one particular form of the page (a row's "Remove" button, say).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields ?? [])
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Location.Href : new Uri(new Uri(page.Location.Href), form.GetAttribute("action")!).ToString();
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, params (string Name, string Value)[] fields) =>
        client.SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static (string Name, string Value)[] Date(string name, DateOnly date) =>
        [($"{name}.Day", date.Day.ToString()), ($"{name}.Month", date.Month.ToString()), ($"{name}.Year", date.Year.ToString())];

    public static IReadOnlyList<(string Text, string Href)> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li =>
            (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href") ?? string.Empty)).ToList();

    public static string MainText(this IHtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")?.TextContent ?? string.Empty, @"\s+", " ");

    public static async Task SignInWithChoiceAsync(this HttpClient client, string choice)
    {
        var page = await client.GetPageAsync("/development/sign-in");
        var response = await client.SubmitAsync(page, ("Choice", choice));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Sign-in answered {response.StatusCode}");
        Assert.Empty(response.StatusCode == HttpStatusCode.OK ? (await ParseAsync(response)).ErrorSummary() : []);
    }
}
