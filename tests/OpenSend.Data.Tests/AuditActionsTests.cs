using System.Text.Json;
using OpenSend.Data.Audit;
using OpenSend.Domain.Assessments;

namespace OpenSend.Data.Tests;

/// <summary>
/// The audit catalogue: families ("Who has looked at this record") and staff (the audit search)
/// read every action in words, never a code such as review.viewed.
/// </summary>
public sealed class AuditActionsTests
{
    private static readonly string[] ChildsRecord = ["case", "plan", "review", "placement", "advice", "redress"];

    [Fact]
    public void EveryAction_HasStaffWords_AndFamilyWordsWhenItConcernsAChildsRecord()
    {
        Assert.True(AuditActions.All.Count > 90, $"Only {AuditActions.All.Count} actions catalogued.");
        foreach (var action in AuditActions.All.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(action.StaffWords), action.Code);
            Assert.DoesNotContain(action.Code, action.StaffWords, StringComparison.Ordinal);
            var area = action.Code.Split('.')[0];
            Assert.Equal(ChildsRecord.Contains(area), action.ShownToFamilies);
            if (action.FamilyWords is { } family)
            {
                Assert.False(string.IsNullOrWhiteSpace(family), action.Code);
                Assert.DoesNotContain(action.Code, family, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Codes_FitTheColumn_AndAreWrittenAsTheyWereBeforeTheCatalogue()
    {
        // Sealed records hash the code: a code cannot change once written (audit_records.action is 60 characters).
        Assert.All(AuditActions.All.Keys, code => Assert.InRange(code.Length, 5, 60));
        Assert.Equal("review.viewed", AuditActions.ReviewViewed.Code);
        Assert.Equal("case.decide-to-assess", AuditActions.ForStep(PathwayAction.DecideToAssess).Code);
        Assert.Equal("sign-in.succeeded", AuditActions.SignedIn.Code);
    }

    [Fact]
    public void EveryStepOnThePathway_HasItsOwnAction()
    {
        foreach (var step in Enum.GetValues<PathwayAction>())
        {
            var action = AuditActions.ForStep(step);
            Assert.Equal($"case.{JsonNamingPolicy.KebabCaseLower.ConvertName(step.ToString())}", action.Code);
            Assert.NotNull(action.FamilyWords);
        }
    }

    [Fact]
    public void ACodeOutsideTheCatalogue_IsDescribedByWhatItTouched_NeverShownAsACode()
    {
        Assert.Equal("Worked on the plan's review", AuditActions.StaffWords("review.something-older"));
        Assert.Equal("Worked on the record", AuditActions.FamilyWords("case.something-older"));
        Assert.Equal("Looked at the plan's review", AuditActions.FamilyWords("review.viewed"));
        Assert.Null(AuditActions.FamilyWords("staff.added"));
    }
}
