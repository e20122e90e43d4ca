using OpenSend.Data.Audit;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Identity;

/// <summary>
/// Sign-in and account events in the audit log: who signed in, who was refused or held back and
/// from where, and when a password or authenticator was set up, so that misuse of an account can be
/// traced. They belong to no LA and no case (the LA's audit search and the family's log show case
/// records only); the address tried is in the detail, whether or not it has an account.
/// </summary>
public static class SignInAudit
{
    public static AuditRecord Record(AuditAction action, Person? person, string email, string? client, DateTimeOffset now)
    {
        var actor = person is null
            ? new Actor("unknown", "Unknown address", "None", null)
            : new Actor(person.Id.ToString(), person.DisplayName, person.Kind == PersonKind.Family ? "Family" : "Staff", null);
        return AuditRecord.For(new RequestContext(actor, Viewer.Public, client), string.Empty, null, action, now, email);
    }
}
