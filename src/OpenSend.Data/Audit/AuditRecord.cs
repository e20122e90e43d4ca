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

    /// <summary>What was done, e.g. "case.viewed", "case.decision-to-assess".</summary>
    public string Action { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? SourceAddress { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>Position in the tamper-evident chain; null until the record is sealed (seconds after it is written).</summary>
    public long? ChainSequence { get; private set; }

    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 of this record's contents and the previous record's hash.</summary>
    public string? Hash { get; private set; }

    /// <summary>The record's contents as hashed: any change to any field changes the hash.</summary>
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

    public void Seal(long sequence, string previousHash)
    {
        if (ChainSequence is not null)
        {
            throw new InvalidOperationException($"Audit record {Id} is already sealed.");
        }

        ChainSequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash(Canonical(sequence, previousHash));
    }

    public static AuditRecord For(RequestContext context, string laCode, Guid? assessmentId, string action, DateTimeOffset at, string? detail = null) => new()
    {
        LaCode = laCode,
        AssessmentId = assessmentId,
        ActorId = context.Actor.UserId,
        ActorName = context.Actor.DisplayName,
        ActorRole = context.Actor.Role,
        ActorOrganisation = context.Actor.Organisation,
        Action = action,
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
