using OpenSend.Domain.Common;

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

    public static AuditRecord For(RequestContext context, string laCode, Guid? assessmentId, string action, DateTimeOffset at, string? detail = null) => new()
    {
        LaCode = laCode,
        AssessmentId = assessmentId,
        ActorId = context.Actor.UserId,
        ActorName = context.Actor.DisplayName,
        ActorRole = context.Actor.Role,
        ActorOrganisation = context.Actor.OrganisationCode,
        Action = action,
        At = at,
        SourceAddress = context.SourceAddress,
        Detail = detail,
    };
}

/// <summary>Who is acting, for which LA, and from where: passed to every read and write service.</summary>
public sealed record RequestContext(Actor Actor, string? LaCode, string? SourceAddress)
{
    /// <summary>The LA a staff member works for; services refuse to act without one.</summary>
    public string RequireLaCode() =>
        LaCode ?? throw new InvalidOperationException("This action needs a signed-in member of a local authority's staff.");
}
