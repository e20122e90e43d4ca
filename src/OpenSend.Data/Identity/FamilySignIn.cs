using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Identity;

/// <summary>
/// Parents, carers and young people sign in with a 6-digit code sent to their email: no password
/// to remember, and no asking the council to "verify" them. Proving they hold the address is
/// enough to open an account; what they can see comes only from links to their own cases.
/// </summary>
public sealed class FamilySignIn(OpenSendDbContext db, TimeProvider time)
{
    public const string Kind = "sign-in-code";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Emails a new code. The answer is the same whether or not an account exists.</summary>
    public async Task SendCodeAsync(string email, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        var staff = await db.People.AnyAsync(p => p.Email == normalised && p.Kind == PersonKind.Staff, cancellationToken);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.OneTimeCodes.Add(new OneTimeCode(RecordId.New(), OneTimeCodePurpose.FamilySignIn, normalised, null, code, now, CodeLifetime));
        db.Outbox.Add(new OutboxMessage(RecordId.New(), Kind, normalised,
            staff ? "Sign in to OpenSEND" : $"Your OpenSEND sign-in code is {code}",
            staff
                ? "Someone asked to sign in to OpenSEND as a parent or young person with this email address, which belongs to a staff account. Staff sign in with their password and authenticator app. If this was not you, you can ignore this email."
                : $"Your code is {code}. It expires in 15 minutes.\n\nIf you did not ask to sign in to OpenSEND, you can ignore this email.",
            null, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks a code; on success returns the family account, opening one on first sign-in.</summary>
    public async Task<Person?> VerifyCodeAsync(string email, string code, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        var candidates = await db.OneTimeCodes
            .Where(c => c.Email == normalised && c.Purpose == OneTimeCodePurpose.FamilySignIn && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt)
            .Take(3)
            .ToListAsync(cancellationToken);
        var matched = candidates.FirstOrDefault(c => c.TryUse(code, now));
        if (matched is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Email == normalised, cancellationToken);
        if (person is { Kind: PersonKind.Staff })
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (person is null)
        {
            person = new Person(RecordId.New(), PersonKind.Family, normalised, normalised, now);
            db.People.Add(person);
        }

        person.RecordSignIn(now);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
