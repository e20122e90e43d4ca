using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Razor;
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

        // The fields render after the summary, but the page is written out only once it is all
        // rendered, so the list is built then, in the order the fields appear on the page.
        var fields = GovUkFieldOrder.For(ViewContext.HttpContext);
        output.Content.SetHtmlContent(new HelperResult(writer =>
        {
            var encoder = HtmlEncoder.Default;
            var byName = fields.Select((field, index) => (field.Name, field.Anchor, Index: index))
                .DistinctBy(f => f.Name)
                .ToDictionary(f => f.Name);
            var ordered = errors
                .OrderBy(e => e.Key.Length == 0 ? -1 : byName.TryGetValue(e.Key, out var field) ? field.Index : int.MaxValue)
                .ToList();
            var html = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
                .Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
                .Append("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
            foreach (var (key, message) in ordered)
            {
                html.Append(key.Length == 0
                    ? $"<li>{encoder.Encode(message)}</li>"
                    : $"<li><a href=\"#{(byName.TryGetValue(key, out var field) ? field.Anchor : GovUkIds.For(key))}\">{encoder.Encode(message)}</a></li>");
            }

            html.Append("</ul></div></div></div>");
            return writer.WriteAsync(html.ToString());
        }));
    }

    private bool IsDatePart(string key) =>
        (key.EndsWith(".Day", StringComparison.Ordinal) || key.EndsWith(".Month", StringComparison.Ordinal) || key.EndsWith(".Year", StringComparison.Ordinal))
        && ViewContext.ViewData.ModelState.ContainsKey(key[..key.LastIndexOf('.')]);
}
