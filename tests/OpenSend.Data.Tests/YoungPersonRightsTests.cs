using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// Issue 22: from the day after their school leaving date the young person decides (s.83(2)) and
/// chooses whether their parents still see the record, unless the council has recorded that they
/// lack capacity and who acts for them (s.80); on both providers.
/// </summary>
public abstract class YoungPersonRightsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    /// <summary>16 in May 2025, so a young person since 28 June 2025; "now" is 15 June 2026.</summary>
    private static readonly DateOnly Over16 = new(2009, 5, 1);


    private async Task<(Guid Case, RequestContext YoungPerson, RequestContext Parent)> CaseWithAccountsAsync(string givenName, DateOnly dateOfBirth)
    {
        var id = await Cases999.ReceivedAsync(givenName, dateOfBirth);
        var youngPerson = await FamilyMemberAsync(id, $"{givenName.ToLowerInvariant()}@example.com", Role.YoungPerson);
        return (id, youngPerson, await FamilyMemberAsync(id, $"{givenName.ToLowerInvariant()}.parent@example.com"));
    }

    private Task ChooseAsync(RequestContext who, Guid id, bool keep) =>
        InScope(sp => sp.GetRequiredService<CaseLinks>().ChooseParentAccessAsync(who, id, keep));

    private Task<CaseAccessLevel> LevelAsync(RequestContext who, Guid id) =>
        InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(who.Viewer, id));

    [Fact]
    public async Task TheYoungPerson_EndsTheirParentsAccess_AndOnlyTheyCan()
    {
        var (id, youngPerson, parent) = await CaseWithAccountsAsync("Ffion", Over16);

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => ChooseAsync(parent, id, false));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => ChooseAsync(In999, id, false));
        await ChooseAsync(youngPerson, id, true);
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(parent, id));

        await ChooseAsync(youngPerson, id, false);

        Assert.Equal(CaseAccessLevel.None, await LevelAsync(parent, id));
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(youngPerson, id));

        // The parent made the request: the next update goes to the young person, not to them, and their tracking link stops working.
        var before = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Select(m => m.Id).ToListAsync());
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In999, id, new DateOnly(2026, 3, 2), "Evidence of needs."));
        var told = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => !before.Contains(m.Id)).Select(m => m.Recipient).ToListAsync());
        Assert.Contains("ffion@example.com", told);
        Assert.DoesNotContain("pat@example.com", told);
        Assert.DoesNotContain("ffion.parent@example.com", told);
        var newLink = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<CaseLinks>().ReplaceTrackingLinkAsync(In999, id)));
        Assert.Equal("parent-access-ended", newLink.Code);
        Assert.Equal(OpenSend.Domain.Assessments.AssessmentStage.Assessing, (await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.SingleAsync(a => a.Id == id))).Stage);
        var audited = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == id && r.Action == "case.parent-access-chosen").CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task BeforeTheSchoolLeavingDate_TheParentStillDecides()
    {
        var (id, youngPerson, parent) = await CaseWithAccountsAsync("Gethin", new DateOnly(2010, 9, 1));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ChooseAsync(youngPerson, id, false));

        Assert.Equal("not-yet-a-young-person", refused.Code);
        Assert.Contains("26 June 2027", refused.Message);
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(parent, id));
        var capacity = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp =>
            sp.GetRequiredService<AssessmentCases>().RecordLacksCapacityAsync(In999, id, "Their mother", "Assessed.", new DateOnly(2026, 6, 1))));
        Assert.Equal("not-yet-a-young-person", capacity.Code);
    }

    [Fact]
    public async Task WhereTheCouncilRecordsTheyLackCapacity_TheirRepresentativeDecides_UntilItIsWithdrawn()
    {
        var (id, youngPerson, parent) = await CaseWithAccountsAsync("Heledd", Over16);
        var cases = (IServiceProvider sp) => sp.GetRequiredService<AssessmentCases>();

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => cases(sp).RecordLacksCapacityAsync(youngPerson, id, "Me", "No.", new DateOnly(2026, 6, 1))));
        var noReasons = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => cases(sp).RecordLacksCapacityAsync(In999, id, "Their mother", " ", new DateOnly(2026, 6, 1))));
        Assert.Equal("capacity-reasons-missing", noReasons.Code);
        await InScope(sp => cases(sp).RecordLacksCapacityAsync(In999, id, "Sian Heledd, their mother", "A capacity assessment on 1 June 2026 found they cannot weigh the choice of college.", new DateOnly(2026, 6, 1)));

        var represented = await Assert.ThrowsAsync<StepRefusedException>(() => ChooseAsync(youngPerson, id, false));
        Assert.Equal("young-person-represented", represented.Code);
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(parent, id));

        await InScope(sp => cases(sp).WithdrawLacksCapacityAsync(In999, id));
        await ChooseAsync(youngPerson, id, false);
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(parent, id));
    }
}

public sealed class YoungPersonRightsTests_Sqlite(PostgresServer postgres) : YoungPersonRightsTests(TestProvider.Sqlite, postgres);

public sealed class YoungPersonRightsTests_PostgreSql(PostgresServer postgres) : YoungPersonRightsTests(TestProvider.PostgreSql, postgres);
