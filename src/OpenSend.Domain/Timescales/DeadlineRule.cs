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

/// <summary>
/// Reg 18: the date by which a plan must be reviewed and amended before a transfer, counted from
/// the day the child or young person moves: a fixed day of that calendar year (reg 18(1)), or a
/// period before it (reg 18(2)).
/// </summary>
public sealed record PhaseTransferRule(PhaseTransferKind Kind, TimeLimit Limit, string Basis)
{
    public DateOnly DueBefore(DateOnly transferOn) => Limit.CountFrom(transferOn);

    /// <summary>Whether the date follows from the year alone (reg 18(1)), or needs the day of the move (reg 18(2)).</summary>
    public bool IsFixedDay => Limit is BeforeDayInYear;
}

/// <summary>A deadline worked out for a particular date: what the calculators and cases show.</summary>
public sealed record StatutoryDeadline(StatutoryStep Step, DateOnly Due, string Title, string Duty, string Basis);
