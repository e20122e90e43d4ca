namespace OpenSend.Domain.Timescales;

/// <summary>The reasons the law accepts for missing a time limit.</summary>
public enum ExceptionReason
{
    /// <summary>Reg 5(4)(a), 10(4)(a): advice asked of a school or post-16 institution around a closure of 4+ weeks.</summary>
    SchoolOrCollegeClosure,

    /// <summary>Reg 5(4)(b), 10(4)(b): the same for a provider of relevant early years education.</summary>
    EarlyYearsProviderClosure,

    /// <summary>Reg 5(4)(c), 10(4)(c), and for an adviser reg 8(2)(a): exceptional personal circumstances of the child, parent or young person.</summary>
    ExceptionalPersonalCircumstances,

    /// <summary>Reg 5(4)(d), 10(4)(d), and for an adviser reg 8(2)(b): the child, parent or young person away from the LA's area for 4+ weeks.</summary>
    AbsentFromArea,

    /// <summary>Reg 8(2)(c): the family did not keep an appointment for an examination or test in the 6 weeks.</summary>
    MissedAppointment,

    /// <summary>Reg 44(3): after a tribunal's order, the child, parent or young person away from the LA's area for 2+ weeks.</summary>
    AbsentFromAreaAfterOrder,

    /// <summary>SEND (Coronavirus) (Amendment) Regulations 2020 (SI 2020/471), 1 May to 25 September 2020.</summary>
    Coronavirus,
}

/// <summary>
/// An exception the rule set allows: which deadlines it can excuse (with the paragraph for each),
/// how long the circumstance must last, and when the ground was available in law.
/// An exception excuses a breach; it never moves the published deadline (SEN2 "week20").
/// </summary>
public sealed record ExceptionGround(
    ExceptionReason Reason,
    string Title,
    string Explanation,
    IReadOnlyDictionary<StatutoryStep, string> BasisByStep,
    int? MinimumContinuousDays = null,
    DateOnly? AvailableFrom = null,
    DateOnly? AvailableUntil = null)
{
    public bool Excuses(StatutoryStep step) => BasisByStep.ContainsKey(step);

    public bool AvailableDuring(DateOnly from, DateOnly to) =>
        (AvailableFrom is null || to >= AvailableFrom) && (AvailableUntil is null || from <= AvailableUntil);
}
