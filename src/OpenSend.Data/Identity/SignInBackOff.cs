using System.Collections.Concurrent;

namespace OpenSend.Data.Identity;

/// <summary>
/// Wrong passwords are counted per client address and email address together, for any address
/// whether or not it has an account: five in a row hold that pair back for 15 minutes. Counting per
/// account alone let anyone lock any caseworker out, again and again, and told them which addresses
/// were real (only real accounts were ever "locked"); counting per pair does neither, and the
/// rate limits (per client) and authenticator codes (a second factor) stand behind it. Kept in this
/// process's memory, like the rate limits: each instance counts its own clients.
/// </summary>
public sealed class SignInBackOff(TimeProvider time)
{
    public const int MaximumFailures = 5;

    public static readonly TimeSpan HoldBack = TimeSpan.FromMinutes(15);

    /// <summary>Beyond this many pairs the oldest are forgotten, so a flood of guesses cannot fill the memory.</summary>
    public const int MaximumPairs = 100_000;

    private readonly ConcurrentDictionary<(string Client, string Email), Entry> _entries = new();

    public bool IsHeldBack(string client, string email) =>
        _entries.TryGetValue((client, email), out var entry) && entry.HeldUntil is { } until && until > time.GetUtcNow();

    /// <summary>Counts a wrong password; true when the pair is now held back.</summary>
    public bool RecordFailure(string client, string email)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaximumPairs)
        {
            Forget(now);
        }

        var entry = _entries.AddOrUpdate((client, email),
            _ => new Entry(1, null, now),
            (_, e) => e.HeldUntil is { } until && until <= now ? new Entry(1, null, now)
                : e.Failures + 1 >= MaximumFailures ? new Entry(0, now + HoldBack, now)
                : e with { Failures = e.Failures + 1, LastAt = now });
        return entry.HeldUntil is { } held && held > now;
    }

    public void RecordSuccess(string client, string email) => _entries.TryRemove((client, email), out _);

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.HeldUntil is not { } until || until <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset? HeldUntil, DateTimeOffset LastAt);
}
