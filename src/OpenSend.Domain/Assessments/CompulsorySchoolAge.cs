namespace OpenSend.Domain.Assessments;

/// <summary>
/// When a child stops being of compulsory school age and becomes a "young person" who holds
/// the rights in their own name (Children and Families Act 2014 s.83(2)). Compulsory school age
/// ends on the last Friday in June of the school year (1 September to 31 August) in which the
/// child turns 16 (Education Act 1996 s.8(3)–(4); Education (School Leaving Date) Order 1997).
/// </summary>
public static class CompulsorySchoolAge
{
    public static DateOnly EndsOn(DateOnly dateOfBirth)
    {
        var sixteenth = Anniversary(dateOfBirth, 16);
        var summerOfThatSchoolYear = sixteenth.Month >= 9 ? sixteenth.Year + 1 : sixteenth.Year;
        var lastOfJune = new DateOnly(summerOfThatSchoolYear, 6, 30);
        var back = ((int)lastOfJune.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7;
        return lastOfJune.AddDays(-back);
    }

    public static bool IsOverCompulsorySchoolAge(DateOnly dateOfBirth, DateOnly on) => on > EndsOn(dateOfBirth);

    /// <summary>Whole years of age on a date.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return Anniversary(dateOfBirth, age) > on ? age - 1 : age;
    }

    /// <summary>
    /// The day someone reaches an age. Someone born on 29 February reaches it on 1 March in a
    /// common year: the anniversary falls after 28 February (the usual reading of the Family Law
    /// Reform Act 1969 s.9).
    /// </summary>
    public static DateOnly Anniversary(DateOnly dateOfBirth, int years)
    {
        var year = dateOfBirth.Year + years;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : dateOfBirth.AddYears(years);
    }
}
