namespace OpenSend.Domain.Common;

/// <summary>How free text typed into a form is kept.</summary>
public static class Text
{
    /// <summary>Trimmed, or null when nothing but spaces was typed (an optional field left empty).</summary>
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
