namespace OpenSend.Domain.Timescales;

/// <summary>
/// One statutory time limit: which step, what starts its clock, how it is counted, and the
/// law it comes from. <see cref="Duty"/> is how a page tells a family what must happen.
/// </summary>
/// <param name="Title">Short name for staff screens ("Decide whether to assess").</param>
/// <param name="Duty">For families, with {0} for the date in words.</param>
/// <param name="Basis">The regulation or case the limit comes from.</param>
/// <param name="ExceptionBasis">Where the law lets the limit be missed (reg 5(4) ...), if anywhere.</param>
public sealed record DeadlineRule(
    StatutoryStep Step,
    ClockAnchor Anchor,
    TimeLimit Limit,
    string Title,
    string Duty,
    string Basis,
    string? ExceptionBasis = null)
{
    public DateOnly DueFrom(DateOnly clockStart) => Limit.CountFrom(clockStart);
}

/// <summary>Reg 18: the date by which a plan must be reviewed and amended before a phase transfer.</summary>
public sealed record PhaseTransferRule(PhaseTransferKind Kind, FixedDayInYear Limit, string Basis)
{
    public DateOnly DueIn(int transferYear) => Limit.CountFrom(new DateOnly(transferYear, 1, 1));
}

/// <summary>A deadline worked out for a particular date: what the calculators and cases show.</summary>
public sealed record StatutoryDeadline(StatutoryStep Step, DateOnly Due, string Title, string Duty, string Basis);
