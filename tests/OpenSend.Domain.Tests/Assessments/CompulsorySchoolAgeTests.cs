using OpenSend.Domain.Assessments;

namespace OpenSend.Domain.Tests.Assessments;

public class CompulsorySchoolAgeTests
{
    [Theory]
    [InlineData("2010-09-01", "2027-06-25")] // 16 on 1 September 2026: the school year ending summer 2027
    [InlineData("2010-08-31", "2026-06-26")] // 16 on 31 August 2026: the school year ending summer 2026
    [InlineData("2012-02-29", "2028-06-30")] // leap-day birthday; 30 June 2028 is a Friday
    public void EndsOn_IsTheLastFridayInJuneOfTheSchoolYearTheyTurnSixteen(string dateOfBirth, string ends)
    {
        Assert.Equal(DateOnly.Parse(ends), CompulsorySchoolAge.EndsOn(DateOnly.Parse(dateOfBirth)));
    }

    [Theory]
    [InlineData("2016-02-29", "2027-02-28", 10)]
    [InlineData("2016-02-29", "2027-03-01", 11)]
    public void AgeOn_LeapDayBirthday_HasItsBirthdayOnTheLastDayOfFebruary(string dateOfBirth, string on, int age)
    {
        Assert.Equal(age, CompulsorySchoolAge.AgeOn(DateOnly.Parse(dateOfBirth), DateOnly.Parse(on)));
    }
}
