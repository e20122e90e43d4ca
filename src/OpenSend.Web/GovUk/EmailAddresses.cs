using System.Net.Mail;

namespace OpenSend.Web.GovUk;

/// <summary>One check of an email address for every form that asks for one.</summary>
public static class EmailAddresses
{
    /// <summary>The GOV.UK message for an address in the wrong format.</summary>
    public const string FormatMessage = "Enter an email address in the correct format, like name@example.com";

    /// <summary>The address as typed, trimmed, when it is one a message can be sent to; otherwise null.</summary>
    public static string? Parse(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: > 0 and <= 320 } && MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed && address.Host.Contains('.')
                ? trimmed
                : null;
    }
}
