namespace OpenSend.Domain.Common;

/// <summary>
/// Bank holidays in England and Wales (Banking and Financial Dealings Act 1971 Schedule 1, with
/// Christmas Day and Good Friday as common-law holidays), worked out from the rules the Act and the
/// yearly proclamations follow, with the days moved or added by royal proclamation kept as data.
/// "Working day" in the SEND Regulations 2014 (reg 2(1)) and in the tribunal's rules (HESC r.1)
/// excludes these and weekends.
/// </summary>
public static class BankHolidays
{
    // Proclamations under s.1(3) of the 1971 Act that moved a usual holiday to another day.
    private static readonly Dictionary<DateOnly, DateOnly> Moved = new()
    {
        [new DateOnly(2020, 5, 4)] = new DateOnly(2020, 5, 8), // Early May moved to VE Day's 75th anniversary.
        [new DateOnly(2022, 5, 30)] = new DateOnly(2022, 6, 2), // Spring moved for the Platinum Jubilee.
    };

    // Proclamations that added a day.
    private static readonly HashSet<DateOnly> Added =
    [
        new DateOnly(2022, 6, 3), // Platinum Jubilee.
        new DateOnly(2022, 9, 19), // The State Funeral of Queen Elizabeth II.
        new DateOnly(2023, 5, 8), // The Coronation of King Charles III.
    ];

    public static bool IsBankHoliday(DateOnly date) => InYear(date.Year).Contains(date);

    /// <summary>Not a Saturday, Sunday or bank holiday.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>Every bank holiday in England and Wales in <paramref name="year"/>.</summary>
    public static IReadOnlySet<DateOnly> InYear(int year)
    {
        var easter = EasterSunday(year);
        var usual = new List<DateOnly>
        {
            // New Year's Day; a Saturday or Sunday gives the Monday after.
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2), // Good Friday.
            easter.AddDays(1), // Easter Monday.
            FirstMonday(year, 5), // Early May.
            LastMonday(year, 5), // Spring.
            LastMonday(year, 8), // Summer.
        };

        // Christmas Day and Boxing Day; a weekend gives the next free weekdays (25 on Saturday: the
        // 27th and 28th; 25 on Sunday: Boxing Day on the 26th and Christmas on the 27th).
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                usual.Add(christmas);
                usual.Add(new DateOnly(year, 12, 28));
                break;
            case DayOfWeek.Saturday:
                usual.Add(new DateOnly(year, 12, 27));
                usual.Add(new DateOnly(year, 12, 28));
                break;
            case DayOfWeek.Sunday:
                usual.Add(boxing);
                usual.Add(new DateOnly(year, 12, 27));
                break;
            default:
                usual.Add(christmas);
                usual.Add(boxing);
                break;
        }

        var days = usual.Select(d => Moved.GetValueOrDefault(d, d)).ToHashSet();
        days.UnionWith(Added.Where(d => d.Year == year));
        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
