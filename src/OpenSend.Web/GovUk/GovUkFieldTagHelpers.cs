using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenSend.Web.GovUk;

/// <summary>GOV.UK text input: &lt;govuk-input for="Email" label="Email address" /&gt;.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    /// <summary>Width class suffix, e.g. "20" or "one-half" (govuk-input--width-20, govuk-!-width-one-half).</summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = new StringBuilder("govuk-input");
        if (HasError) css.Append(" govuk-input--error");
        if (Width is { } width) css.Append(char.IsDigit(width[0]) ? $" govuk-input--width-{width}" : $" govuk-!-width-{width}");
        var html = new StringBuilder(FormGroupOpen())
            .Append(LabelHtml()).Append(HintHtml()).Append(ErrorHtml())
            .Append($"<input class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\"");
        // A password is never written back into the page.
        if (!string.IsNullOrEmpty(AttemptedValue) && Type != "password") html.Append($" value=\"{E(AttemptedValue)}\"");
        if (Spellcheck is { } spellcheck) html.Append($" spellcheck=\"{(spellcheck ? "true" : "false")}\"");
        html.Append(DescribedBy());
        if (Autocomplete is not null) html.Append($" autocomplete=\"{E(Autocomplete)}\"");
        html.Append("></div>");
        Write(output, html);
    }
}

/// <summary>GOV.UK textarea.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = HasError ? "govuk-textarea govuk-textarea--error" : "govuk-textarea";
        var html = new StringBuilder(FormGroupOpen())
            .Append(LabelHtml()).Append(HintHtml()).Append(ErrorHtml())
            .Append($"<textarea class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy()}>{E(AttemptedValue)}</textarea></div>");
        Write(output, html);
    }
}

/// <summary>GOV.UK select, from a list of options.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = HasError ? "govuk-select govuk-select--error" : "govuk-select";
        var selected = AttemptedValue;
        var html = new StringBuilder(FormGroupOpen())
            .Append(LabelHtml()).Append(HintHtml()).Append(ErrorHtml())
            .Append($"<select class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\"{DescribedBy()}>");
        foreach (var item in Items)
        {
            var isSelected = item.Value == selected ? " selected" : string.Empty;
            html.Append($"<option value=\"{E(item.Value)}\"{isSelected}>{E(item.Text)}</option>");
        }

        html.Append("</select></div>");
        Write(output, html);
    }
}

/// <summary>One choice in &lt;govuk-radios&gt; or &lt;govuk-checkboxes&gt;.</summary>
public sealed record GovUkChoice(string Value, string Label, string? Hint = null, bool Divider = false)
{
    public static GovUkChoice Or() => new(string.Empty, "or", Divider: true);
}

/// <summary>GOV.UK radios: one answer from a short list.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<GovUkChoice> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = AttemptedValue;
        var html = new StringBuilder(FormGroupOpen()).Append(FieldsetOpen()).Append(HintHtml()).Append(ErrorHtml())
            .Append(Inline ? "<div class=\"govuk-radios govuk-radios--inline\" data-module=\"govuk-radios\">" : "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
        AppendChoices(html, "radios", "radio", Items, value => string.Equals(value, current, StringComparison.OrdinalIgnoreCase));
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

/// <summary>
/// GOV.UK checkboxes. Bound to a collection of values, or to a bool with a single item whose
/// value is "true" (e.g. a consent box).
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<GovUkChoice> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var selected = For.Model switch
        {
            bool b => b ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "true" } : [],
            IEnumerable<string> values => new HashSet<string>(values, StringComparer.OrdinalIgnoreCase),
            System.Collections.IEnumerable values => new HashSet<string>(values.Cast<object>().Select(v => v.ToString() ?? string.Empty), StringComparer.OrdinalIgnoreCase),
            _ => [],
        };
        var html = new StringBuilder(FormGroupOpen()).Append(FieldsetOpen()).Append(HintHtml()).Append(ErrorHtml())
            .Append("<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\">");
        AppendChoices(html, "checkboxes", "checkbox", Items, selected.Contains);
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

/// <summary>GOV.UK date input bound to a <see cref="DateInput"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    /// <summary>GOV.UK: link to the first box with an error (the first empty one, else the day).</summary>
    protected override string ErrorAnchor =>
        $"{Id}-{(For.Model as DateInput)?.MissingParts().FirstOrDefault() ?? "day"}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var value = For.Model as DateInput ?? new DateInput();
        var missing = value.MissingParts();
        var html = new StringBuilder(FormGroupOpen()).Append(FieldsetOpen("group")).Append(HintHtml()).Append(ErrorHtml())
            .Append($"<div class=\"govuk-date-input\" id=\"{Id}\">");
        foreach (var (part, label, width, text) in new[] { ("day", "Day", 2, value.Day), ("month", "Month", 2, value.Month), ("year", "Year", 4, value.Year) })
        {
            var partError = HasError && (missing.Count == 0 || missing.Contains(part)) ? " govuk-input--error" : string.Empty;
            var valueAttribute = string.IsNullOrEmpty(text) ? string.Empty : $" value=\"{E(text)}\"";
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
                .Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{Id}-{part}\">{label}</label>")
                .Append($"<input class=\"govuk-input govuk-date-input__input{partError} govuk-input--width-{width}\" id=\"{Id}-{part}\" name=\"{E(Name)}.{label}\" type=\"text\"{valueAttribute} inputmode=\"numeric\">")
                .Append("</div></div>");
        }

        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}
