using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenSend.Web.GovUk;

/// <summary>
/// What every GOV.UK form field shares: its name and id from the model expression, label or
/// legend, hint, and error message from ModelState. Output follows GOV.UK Frontend 6's templates
/// (node_modules/govuk-frontend/dist/govuk/components/*/template-*.html) exactly.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    protected static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>The label (inputs, selects, textareas) or legend (radios, checkboxes, dates).</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = string.Empty;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Wraps the label or legend in the page's h1 (one question per page).</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>Size modifier: "l", "m" or "s".</summary>
    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    public override void Init(TagHelperContext context)
    {
        base.Init(context);
        GovUkFieldOrder.For(ViewContext.HttpContext).Add((For.Name, ErrorAnchor));
    }

    /// <summary>Where the error summary's link for this field goes: its first control.</summary>
    protected virtual string ErrorAnchor => Id;

    protected string Id => GovUkIds.For(For.Name);

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected bool HasError => ErrorMessage is not null;

    protected string? AttemptedValue =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();

    protected static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    protected string FormGroupOpen() => HasError ? "<div class=\"govuk-form-group govuk-form-group--error\">" : "<div class=\"govuk-form-group\">";

    protected string HintHtml() => Hint is null ? string.Empty : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";

    protected string ErrorHtml() => HasError
        ? $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(ErrorMessage)}</p>"
        : string.Empty;

    protected string DescribedBy()
    {
        var ids = new List<string>();
        if (Hint is not null) ids.Add($"{Id}-hint");
        if (HasError) ids.Add($"{Id}-error");
        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string LabelHtml()
    {
        var size = LabelSize ?? (IsPageHeading ? "l" : null);
        var css = size is null ? "govuk-label" : $"govuk-label govuk-label--{size}";
        var label = $"<label class=\"{css}\" for=\"{Id}\">{E(Label)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string FieldsetOpen(string? role = null, string? describedBy = null)
    {
        var size = LabelSize ?? (IsPageHeading ? "l" : null);
        var css = size is null ? "govuk-fieldset__legend" : $"govuk-fieldset__legend govuk-fieldset__legend--{size}";
        var legend = IsPageHeading
            ? $"<legend class=\"{css}\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"{css}\">{E(Label)}</legend>";
        var roleAttribute = role is null ? string.Empty : $" role=\"{role}\"";
        return $"<fieldset class=\"govuk-fieldset\"{roleAttribute}{describedBy ?? DescribedBy()}>{legend}";
    }

    /// <summary>
    /// The items of GOV.UK radios or checkboxes (they share their markup, with "radios" or
    /// "checkboxes" in the class names): the first input takes the field's id so the error
    /// summary can link to it, the others get "-2", "-3"...
    /// </summary>
    protected void AppendChoices(StringBuilder html, string component, string inputType, IEnumerable<GovUkChoice> items, Func<string, bool> isChecked)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item.Divider)
            {
                html.Append($"<div class=\"govuk-{component}__divider\">{E(item.Label)}</div>");
                continue;
            }

            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var hint = item.Hint is null ? string.Empty : $" aria-describedby=\"{id}-item-hint\"";
            var checkedAttribute = isChecked(item.Value) ? " checked" : string.Empty;
            html.Append($"<div class=\"govuk-{component}__item\">")
                .Append($"<input class=\"govuk-{component}__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"{inputType}\" value=\"{E(item.Value)}\"{checkedAttribute}{hint}>")
                .Append($"<label class=\"govuk-label govuk-{component}__label\" for=\"{id}\">{E(item.Label)}</label>");
            if (item.Hint is not null)
            {
                html.Append($"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-{component}__hint\">{E(item.Hint)}</div>");
            }

            html.Append("</div>");
        }
    }

    protected static void Write(TagHelperOutput output, StringBuilder html)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>The page's fields in the order they are rendered, with the anchor the error summary links to.</summary>
public static class GovUkFieldOrder
{
    private static readonly object Key = new();

    public static List<(string Name, string Anchor)> For(HttpContext http)
    {
        if (http.Items[Key] is not List<(string Name, string Anchor)> order)
        {
            order = [];
            http.Items[Key] = order;
        }

        return order;
    }
}

public static class GovUkIds
{
    /// <summary>The id a field's first control gets, from its model name ("Input.Reason" → "Input_Reason").</summary>
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
