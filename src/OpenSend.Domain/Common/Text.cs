namespace OpenSend.Domain.Common;

/// <summary>How free text typed into a form is kept.</summary>
public static class Text
{
    /// <summary>Trimmed, or null when nothing but spaces was typed (an optional field left empty).</summary>
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A title used inside a sentence: its first letter lower case, acronyms (EHC, SEN) kept.</summary>
    public static string InSentence(string title) => title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];
}
