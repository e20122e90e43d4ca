using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Audit;

/// <summary>
/// One append-only entry of who read or changed a child's record. Written in the same
/// transaction as the change it describes (convention 3, ../shared/spec/code-style.md).
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord()
    {
        LaCode = ActorId = ActorName = ActorRole = Action = string.Empty;
    }

    public long Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid? AssessmentId { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public string ActorRole { get; private set; }

    public string? ActorOrganisation { get; private set; }

    /// <summary>The code of what was done (<see cref="AuditAction.Code"/>), e.g. "case.viewed", "case.decide-to-assess".</summary>
    public string Action { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The client's address; removed after its period (RetentionSweep) once sealed in the keyed form, which holds its digest.</summary>
    public string? SourceAddress { get; private set; }

    /// <summary>A keyed digest of <see cref="SourceAddress"/>, sealed in its place, so the address can be removed later without breaking the chain.</summary>
    public string? SourceDigest { get; private set; }

    /// <summary>
    /// How the record was sealed: 1, the first form (SHA-256 of fields joined by a separator, kept so
    /// records sealed before keying still verify); 2, HMAC-SHA256 with the audit key of fields each
    /// prefixed by its length, so no two records' fields can run together into the same text.
    /// </summary>
    public int? ChainForm { get; private set; }

    public const int FirstForm = 1;

    public const int KeyedForm = 2;

    public string? Detail { get; private set; }

    /// <summary>Position in the tamper-evident chain; null until the record is sealed (seconds after it is written).</summary>
    public long? ChainSequence { get; private set; }

    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 of this record's contents and the previous record's hash.</summary>
    public string? Hash { get; private set; }

    /// <summary>The first form's contents as hashed (records sealed before the chain was keyed).</summary>
    public string Canonical(long sequence, string previousHash) => string.Join('\u001f',
        sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        previousHash,
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LaCode,
        AssessmentId?.ToString() ?? string.Empty,
        ActorId,
        ActorName,
        ActorRole,
        ActorOrganisation ?? string.Empty,
        Action,
        At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SourceAddress ?? string.Empty,
        Detail ?? string.Empty);

    public static string ComputeHash(string canonical) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

    /// <summary>
    /// The keyed form's contents: every field prefixed by its length (and null told apart from empty),
    /// so a separator inside one field cannot shift text into the next.
    /// </summary>
    public string KeyedCanonical(long sequence, string previousHash) => string.Concat(
        new[]
        {
            "opensend-audit/2",
            sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            previousHash,
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LaCode,
            AssessmentId?.ToString(),
            ActorId,
            ActorName,
            ActorRole,
            ActorOrganisation,
            Action,
            At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SourceDigest,
            Detail,
        }.Select(field => field is null ? "-;" : $"{field.Length}:{field};"));

    /// <summary>Seals the record into the chain in the keyed form.</summary>
    public void Seal(long sequence, string previousHash, AuditKey key)
    {
        if (ChainSequence is not null)
        {
            throw new InvalidOperationException($"Audit record {Id} is already sealed.");
        }

        SealKeyed(sequence, previousHash, key);
    }

    /// <summary>Re-seals a record sealed in the first form, at its place, in the keyed form (once, after its chain verified).</summary>
    public void Reseal(string previousHash, AuditKey key) => SealKeyed(ChainSequence!.Value, previousHash, key);

    private void SealKeyed(long sequence, string previousHash, AuditKey key)
    {
        ChainSequence = sequence;
        PreviousHash = previousHash;
        ChainForm = KeyedForm;
        SourceDigest = SourceAddress is null ? null : key.Mac($"address:{SourceAddress}");
        Hash = key.Mac(KeyedCanonical(sequence, previousHash));
    }

    /// <summary>Whether the record's hash is what its contents, position and form give.</summary>
    public bool HashMatches(long sequence, string previousHash, AuditKey key) => ChainForm switch
    {
        KeyedForm => CryptographicEquals(key.Mac(KeyedCanonical(sequence, previousHash)), Hash),
        FirstForm => CryptographicEquals(ComputeHash(Canonical(sequence, previousHash)), Hash),
        _ => false,
    };

    private static bool CryptographicEquals(string expected, string? actual) =>
        actual is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(actual));

    public static AuditRecord For(RequestContext context, string laCode, Guid? assessmentId, AuditAction action, DateTimeOffset at, string? detail = null) => new()
    {
        LaCode = laCode,
        AssessmentId = assessmentId,
        ActorId = context.Actor.UserId,
        ActorName = context.Actor.DisplayName,
        ActorRole = context.Actor.Role,
        ActorOrganisation = context.Actor.Organisation,
        Action = action.Code,
        At = at,
        SourceAddress = context.SourceAddress,
        Detail = detail,
    };
}

/// <summary>
/// Who is acting and from where: passed to every read and write service. <see cref="Viewer"/>
/// decides what they may see (Access/CaseAccess); <see cref="Actor"/> is what the record shows.
/// </summary>
public sealed record RequestContext(Actor Actor, Viewer Viewer, string? SourceAddress)
{
    public static RequestContext Public(string? sourceAddress, string displayName = "Member of the public") =>
        new(Actor.PublicRequester(displayName), Viewer.Public, sourceAddress);

    /// <summary>The LA of a caseworker or SEND manager; null for anyone else.</summary>
    public string? LaCode => Viewer.IsLaStaff ? Viewer.LaCode : null;
}
