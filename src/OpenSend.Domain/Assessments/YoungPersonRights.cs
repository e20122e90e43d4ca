namespace OpenSend.Domain.Assessments;

/// <summary>
/// When the decisions pass from the parent to the young person. A "young person" is over compulsory
/// school age (Children and Families Act 2014 s.83(2)), which ends on the last Friday in June of the
/// school year (1 September to 31 August) in which they turn 16 (Education Act 1996 s.8(3) and (4);
/// the Education (School Leaving Date) Order 1997). From the next day the Act's rights are theirs:
/// to ask, be consulted, comment, choose a setting and appeal. Where they lack capacity to make a
/// decision (Mental Capacity Act 2005), a representative acts for them (s.80; the Special Educational
/// Needs and Disability Regulations 2014, Part 6 and Schedule 3): a deputy, an attorney, or the parent.
/// </summary>
public static class YoungPersonRights
{
    /// <summary>The first day the child is a young person in law: the day after the school leaving date.</summary>
    public static DateOnly From(DateOnly dateOfBirth)
    {
        var sixteenth = dateOfBirth.AddYears(16);
        var schoolYearEnds = sixteenth.Month >= 9 ? sixteenth.Year + 1 : sixteenth.Year;
        var leavingDate = new DateOnly(schoolYearEnds, 6, 30);
        while (leavingDate.DayOfWeek != DayOfWeek.Friday)
        {
            leavingDate = leavingDate.AddDays(-1);
        }

        return leavingDate.AddDays(1);
    }
}

/// <summary>
/// The council's record that a young person lacks capacity to make the decisions about their plan
/// (Mental Capacity Act 2005 ss.2–3), and who acts for them (s.80): kept on the case with the reason.
/// </summary>
public sealed record CapacityRecord(string ActingForThem, string Reasons, DateOnly AssessedOn, string RecordedBy)
{
    public const int ReasonsLimit = 2_000;
}
