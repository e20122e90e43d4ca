using OpenSend.Domain.Common;

namespace OpenSend.Domain.Timescales;

/// <summary>
/// How a statutory period is counted from the date that starts it. Each kind states the
/// counting rule in law, so the rule sets read like the regulations they come from.
/// </summary>
public abstract record TimeLimit
{
    public abstract DateOnly CountFrom(DateOnly start);

    /// <summary>Plain words for pages: "6 weeks after the request was received".</summary>
    public abstract string Describe(string startDescription);
}

/// <summary>
/// "Within N weeks of X": ends on the same weekday N weeks later (X + 7N days). The SEND
/// Regulations 2014 count the 6-, 16- and 20-week limits this way (regs 5(1), 10(1), 13(2)).
/// </summary>
public sealed record WeeksAfter(int Weeks) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddDays(7 * Weeks);

    public override string Describe(string startDescription) => $"{Weeks} weeks after {startDescription}";
}

/// <summary>"At least N weeks before X": the latest date is X − 7N days (reg 20(3)–(4)).</summary>
public sealed record WeeksBefore(int Weeks) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddDays(-7 * Weeks);

    public override string Describe(string startDescription) => $"{Weeks} weeks before {startDescription}";
}

/// <summary>"Within N days of X": X + N days.</summary>
public sealed record DaysAfter(int Days) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddDays(Days);

    public override string Describe(string startDescription) => $"{Days} days after {startDescription}";
}

/// <summary>
/// "At least N days, beginning with the day on which X": X is day 1, so the period's last day
/// is X + (N − 1). Reg 13(1)(a): 15 days beginning with the day the draft plan was served.
/// </summary>
public sealed record DaysBeginningWith(int Days) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddDays(Days - 1);

    public override string Describe(string startDescription) => $"{Days} days beginning with {startDescription}";
}

/// <summary>
/// "Within N months of X": the same day of the month N months later, or the month's last day
/// when that day does not exist (31 August + 6 months = 28 or 29 February).
/// </summary>
public sealed record CalendarMonthsAfter(int Months) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddMonths(Months);

    public override string Describe(string startDescription) => $"{Months} months after {startDescription}";
}

/// <summary>
/// "Before the expiry of the period of N months beginning with X": X is the period's first day, so
/// it ends the day before the corresponding date N months on (1 March + 12 months ends 28 February).
/// Where that month has no corresponding date the period ends on its last day (29 February + 12
/// months ends 28 February). Used for s.44(1)'s 12-month review period and reg 15(5).
/// </summary>
public sealed record CalendarMonthsBeginningWith(int Months) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start)
    {
        var corresponding = start.AddMonths(Months);
        return corresponding.Day < start.Day ? corresponding : corresponding.AddDays(-1);
    }

    public override string Describe(string startDescription) => $"the {Months} months beginning with {startDescription}";
}

/// <summary>
/// "At least N months before X": the latest date is the same day of the month N months earlier, or
/// that month's last day when the day does not exist (31 July − 5 months = 28 or 29 February).
/// Reg 18(2): a move between post-16 institutions is reviewed at least 5 months before it.
/// </summary>
public sealed record CalendarMonthsBefore(int Months) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => start.AddMonths(-Months);

    public override string Describe(string startDescription) => $"{Months} months before {startDescription}";
}

/// <summary>
/// "Before" a fixed day in the calendar year (reg 18(1)'s 15 February and 31 March): the last day
/// on time is the day before it, 14 February and 30 March.
/// </summary>
public sealed record BeforeDayInYear(int Month, int Day) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => new DateOnly(start.Year, Month, Day).AddDays(-1);

    public override string Describe(string startDescription) =>
        $"before {new DateOnly(2000, Month, Day).ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture)} of {startDescription}";
}

/// <summary>
/// "Within N working days of X": the Nth working day after X, a working day being any day but a
/// Saturday, Sunday, Christmas Day, Good Friday or bank holiday in England and Wales (SEND
/// Regulations 2014 reg 2(1)). The mediation certificates of regs 33–34 and 39 are due within 3.
/// </summary>
public sealed record WorkingDaysAfter(int Days) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => TribunalCalendar.NthDayAfter(start, Days, BankHolidays.IsWorkingDay);

    public override string Describe(string startDescription) => $"{Days} working days after {startDescription}";
}

/// <summary>
/// Working days as the tribunal counts them in a SEND appeal: weekends and bank holidays, and also
/// 25 December to 1 January and every day in August, are left out (First-tier Tribunal (HESC)
/// Rules 2008 r.12). The council's response to an appeal is due in 30 (r.21).
/// </summary>
public sealed record TribunalWorkingDaysAfter(int Days) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => TribunalCalendar.NthDayAfter(start, Days, TribunalCalendar.Counts);

    public override string Describe(string startDescription) => $"{Days} working days after {startDescription}, not counting August or 25 December to 1 January";
}

/// <summary>
/// The time to appeal to the tribunal, in calendar months (r.20: 2 months from the decision, or 1
/// month from a mediation certificate). A period ending on a day that is not a working day ends on
/// the next working day (HESC r.12(2)); one ending in August ends on the first working day of
/// September, and one ending from 25 December to 1 January on the first working day after 1 January
/// (r.12(3)).
/// </summary>
public sealed record TribunalMonthsAfter(int Months) : TimeLimit
{
    public override DateOnly CountFrom(DateOnly start) => TribunalCalendar.OnOrAfter(start.AddMonths(Months));

    public override string Describe(string startDescription) => $"{Months} months after {startDescription}, moved out of August and 25 December to 1 January";
}

/// <summary>The days the First-tier Tribunal (SEND) counts (HESC r.12).</summary>
public static class TribunalCalendar
{
    /// <summary>August and 25 December to 1 January are not counted in a SEND appeal (r.12(3)–(4)).</summary>
    public static bool IsLeftOut(DateOnly date) =>
        date.Month == 8 || (date.Month == 12 && date.Day >= 25) || (date.Month == 1 && date.Day == 1);

    /// <summary>A working day the tribunal counts.</summary>
    public static bool Counts(DateOnly date) => BankHolidays.IsWorkingDay(date) && !IsLeftOut(date);

    /// <summary>The first day on or after <paramref name="date"/> that the tribunal counts.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!Counts(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The <paramref name="n"/>th day after <paramref name="start"/> for which <paramref name="counts"/> holds.</summary>
    public static DateOnly NthDayAfter(DateOnly start, int n, Func<DateOnly, bool> counts)
    {
        var date = start;
        for (var counted = 0; counted < n;)
        {
            date = date.AddDays(1);
            if (counts(date))
            {
                counted++;
            }
        }

        return date;
    }
}
