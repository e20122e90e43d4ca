using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenSend.Web.GovUk;

/// <summary>
/// The GOV.UK error summary, built from ModelState: each error links to its field (the first
/// empty box of a date input). Errors not about one field (key "") are listed without a link.
/// Renders nothing when there are no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var modelState = ViewContext.ViewData.ModelState;
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 } && !IsDatePart(e.Key))
            .Select(e => (e.Key, Message: e.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
            .Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
            .Append("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            html.Append(key.Length == 0
                ? $"<li>{encoder.Encode(message)}</li>"
                : $"<li><a href=\"#{Anchor(key)}\">{encoder.Encode(message)}</a></li>");
        }

        html.Append("</ul></div></div></div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private bool IsDatePart(string key) =>
        (key.EndsWith(".Day", StringComparison.Ordinal) || key.EndsWith(".Month", StringComparison.Ordinal) || key.EndsWith(".Year", StringComparison.Ordinal))
        && ViewContext.ViewData.ModelState.ContainsKey(key[..key.LastIndexOf('.')]);

    private string Anchor(string key)
    {
        var id = GovUkIds.For(key);
        var modelState = ViewContext.ViewData.ModelState;
        if (!modelState.ContainsKey($"{key}.Day"))
        {
            return id;
        }

        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            if (modelState.TryGetValue($"{key}.{part}", out var entry) && string.IsNullOrWhiteSpace(entry.AttemptedValue))
            {
                return $"{id}-{part.ToLowerInvariant()}";
            }
        }

        return $"{id}-day";
    }
}
