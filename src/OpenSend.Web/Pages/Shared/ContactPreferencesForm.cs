using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Shared;

/// <summary>A page with the contact preferences form (the staff's and the family's), for the shared partial.</summary>
public interface IContactPreferencesPage
{
    ContactPreferencesForm Contact { get; }
}

/// <summary>
/// The form for how the family wants to hear from the council, the same on the staff's and the
/// family's pages (bound as <c>Contact</c>, so its fields are <c>Contact.PostalAddress</c> and so on).
/// </summary>
public sealed class ContactPreferencesForm
{
    public string? PostalAddress { get; set; }

    public bool LettersByPost { get; set; }

    public string? Language { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? Format { get; set; }

    public static IReadOnlyList<GovUkChoice> ByPost { get; } = [new("true", "Send letters by post as well as by email")];

    public static IReadOnlyList<GovUkChoice> Interpreter { get; } = [new("true", "An interpreter is needed at meetings and on the phone")];

    public static ContactPreferencesForm From(ContactPreferences? kept) => kept is null ? new() : new()
    {
        PostalAddress = kept.PostalAddress,
        LettersByPost = kept.LettersByPost,
        Language = kept.Language,
        InterpreterNeeded = kept.InterpreterNeeded,
        Format = kept.Format,
    };

    public ContactPreferences ToPreferences() => new(PostalAddress, LettersByPost, Language, InterpreterNeeded, Format);

    /// <summary>The field a refusal concerns, for the error summary.</summary>
    public static string FieldFor(string refusalCode) => refusalCode switch
    {
        "contact-address-missing" or "contact-address-too-long" => "Contact.PostalAddress",
        "contact-language-missing" or "contact-language-too-long" => "Contact.Language",
        "contact-format-too-long" => "Contact.Format",
        _ => "Contact.PostalAddress",
    };
}
