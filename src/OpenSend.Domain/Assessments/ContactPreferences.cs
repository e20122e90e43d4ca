using OpenSend.Domain.Common;

namespace OpenSend.Domain.Assessments;

/// <summary>
/// How the family wants to hear from the council, beside email: letters by post to an address, a
/// language and an interpreter, and a format they need (large print, easy read, Braille). A service
/// every family can use cannot assume an inbox (Equality Act 2010 s.20, reasonable adjustments; the
/// responses in ../shared/seeds/ ask for it). Shown to staff on the case; recorded by the council or
/// by the family.
/// </summary>
public sealed record ContactPreferences(string? PostalAddress, bool LettersByPost, string? Language, bool InterpreterNeeded, string? Format)
{
    public const int AddressLimit = 500;
    public const int ShortLimit = 100;

    public static readonly ContactPreferences None = new(null, false, null, false, null);

    public bool IsEmpty => PostalAddress is null && !LettersByPost && Language is null && !InterpreterNeeded && Format is null;

    /// <summary>The preferences as they are kept: blanks removed, an address for letters by post, and each within its length.</summary>
    public ContactPreferences Validated()
    {
        var address = Text.NullIfBlank(PostalAddress);
        var language = Text.NullIfBlank(Language);
        var format = Text.NullIfBlank(Format);
        if (LettersByPost && address is null)
        {
            throw new StepRefusedException("contact-address-missing", "Enter the postal address the letters go to");
        }

        if (address is { Length: > AddressLimit })
        {
            throw new StepRefusedException("contact-address-too-long", $"The address must be {AddressLimit} characters or fewer");
        }

        if (InterpreterNeeded && language is null)
        {
            throw new StepRefusedException("contact-language-missing", "Enter the language the interpreter speaks");
        }

        if (language is { Length: > ShortLimit })
        {
            throw new StepRefusedException("contact-language-too-long", $"The language must be {ShortLimit} characters or fewer");
        }

        if (format is { Length: > ShortLimit })
        {
            throw new StepRefusedException("contact-format-too-long", $"The format must be {ShortLimit} characters or fewer");
        }

        return new ContactPreferences(address, LettersByPost, language, InterpreterNeeded, format);
    }

    /// <summary>One line for staff: what to do differently when contacting this family.</summary>
    public string Summary() => string.Join("; ", new[]
    {
        LettersByPost ? $"Letters by post to {PostalAddress!.ReplaceLineEndings(", ")}" : null,
        Language is { } language ? $"Speaks {language}{(InterpreterNeeded ? ", needs an interpreter" : string.Empty)}" : null,
        Format is { } format ? $"Needs {format}" : null,
    }.OfType<string>());
}
