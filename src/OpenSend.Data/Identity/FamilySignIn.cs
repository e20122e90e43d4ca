using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
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

    /// <summary>
    /// Codes and wrong guesses are counted per address over this window, whoever asks and from
    /// wherever: a per-client limit alone lets a guesser with many addresses keep asking for codes.
    /// </summary>
    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromHours(1);

    /// <summary>At most this many codes an hour to one address, so the form cannot be used to flood someone's inbox.</summary>
    public const int MaximumCodesPerHour = 5;

    /// <summary>
    /// After this many wrong codes in an hour the address is locked until the hour has passed: with
    /// 6-digit codes an attacker's chance is then at most 10 in a million an hour.
    /// </summary>
    public const int MaximumWrongCodesPerHour = 10;

    /// <summary>
    /// Emails a new code, unless the address has had <see cref="MaximumCodesPerHour"/> this hour
    /// (then nothing is sent and the answer is false). The answer is the same whether or not an
    /// account exists.
    /// </summary>
    public async Task<bool> SendCodeAsync(string email, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        var since = now - ThrottleWindow;
        if (await db.OneTimeCodes.CountAsync(c => c.Email == normalised && c.Purpose == OneTimeCodePurpose.FamilySignIn && c.CreatedAt > since, cancellationToken) >= MaximumCodesPerHour)
        {
            return false;
        }

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
        return true;
    }

    /// <summary>
    /// Whether the address has had <see cref="MaximumWrongCodesPerHour"/> wrong codes this hour: a
    /// wrong guess counts against the code it was checked against, so the codes' own attempts add up
    /// to the wrong guesses (less the one right guess that used a code).
    /// </summary>
    public async Task<bool> IsLockedOutAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalised = Person.NormaliseEmail(email);
        var since = time.GetUtcNow() - ThrottleWindow;
        var wrong = await db.OneTimeCodes
            .Where(c => c.Email == normalised && c.Purpose == OneTimeCodePurpose.FamilySignIn && c.CreatedAt > since)
            .SumAsync(c => c.UsedAt == null ? c.Attempts : c.Attempts - 1, cancellationToken);
        return wrong >= MaximumWrongCodesPerHour;
    }

    /// <summary>
    /// Checks a code; on success returns the family account, opening one on first sign-in. Refused,
    /// without checking, while the address is locked out (<see cref="IsLockedOutAsync"/>).
    /// </summary>
    public async Task<Person?> VerifyCodeAsync(string email, string code, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        if (await IsLockedOutAsync(normalised, cancellationToken))
        {
            return null;
        }

        var candidates = await db.OneTimeCodes
            .Where(c => c.Email == normalised && c.Purpose == OneTimeCodePurpose.FamilySignIn && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt)
            .Take(3)
            .ToListAsync(cancellationToken);
        // Any of the last three codes may be the one the person is reading; a wrong guess is counted
        // once, against the newest, so that each guess counts once towards the lockout.
        var matched = candidates.Where(c => c.IsUsable(now)).FirstOrDefault(c => c.Matches(code));
        if (matched is null)
        {
            candidates.FirstOrDefault(c => c.IsUsable(now))?.CountWrongGuess();
            db.AuditRecords.Add(SignInAudit.Record(AuditActions.FamilyCodeRefused, null, normalised, null, now));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        matched.Use(now);

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
        db.AuditRecords.Add(SignInAudit.Record(AuditActions.FamilySignedIn, person, normalised, null, now));
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
