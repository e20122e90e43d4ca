using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Web.Plans;

namespace OpenSend.Web.Tests;

/// <summary>Drafting a plan on its pages, the quality check beside it, issuing, versions and the plan API.</summary>
public abstract class PlanPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private RequestContext Staff999 => app.Staff999;

    /// <summary>Received 2 February 2026 (before Demoshire's pilot), assessed, advice in, decided to issue on 4 May.</summary>
    private Task<Guid> CaseReadyForADraftAsync(string givenName) => app.Cases.ReadyForADraftAsync(givenName, adviser: "Demoshire EP service");

    private Task<Guid> DraftedPlanAsync(string givenName, string duration = "30 minutes, for the school year")
    {
        var need = Guid.NewGuid();
        var outcome = Guid.NewGuid();
        return app.Cases.DraftingAsync(c => c
            .WithViews(new ViewsAndAspirations("I like trains.", null, null, "To make friends."))
            .WithNeed(new PlanNeed(need, PlanSection.B, "Social communication", Sen2NeedType.ASD, 1))
            .WithOutcome(new PlanOutcome(outcome, "Starts a conversation with a peer twice a day", new DateOnly(2027, 7, 23), [need]))
            .WithProvision(new PlanProvision(Guid.NewGuid(), PlanSection.F, "Social communication group", "Speech and language therapist", "2 sessions a week", duration, "1:4", null, Funder.Education, [need], [outcome])),
            givenName, adviser: "Demoshire EP service");
    }

    [Fact]
    public async Task Drafting_OnThePages_FlagsVagueProvision_RefusesTheDraft_ThenIssuesItOnceFixed()
    {
        var id = await CaseReadyForADraftAsync("Pia");
        var client = app.Client();
        await app.SignInAsync(client);

        var start = await client.GetPageAsync($"/cases/{id}/plan/start");
        var plan = await Html.ParseAsync(await client.SubmitAsync(start));
        Assert.Equal("Plan started", plan.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("Demoshire EP service", plan.QuerySelector("#section-K")!.TextContent);

        await client.SubmitAsync(await client.GetPageAsync($"/cases/{id}/plan/views"), ("InTheirOwnWords", "I like trains and drawing."));
        await client.SubmitAsync(await client.GetPageAsync($"/cases/{id}/plan/need?section=B"),
            ("Section", "B"), ("Description", "Difficulty with social communication"), ("NeedType", "ASD"), ("Rank", "1"));
        var outcomeForm = await client.GetPageAsync($"/cases/{id}/plan/outcome");
        var needId = outcomeForm.QuerySelector("input[name=Needs]")!.GetAttribute("value")!;
        await client.SubmitAsync(outcomeForm, [("Description", "Starts a conversation with a peer twice a day"), .. Html.Date("TargetDate", new DateOnly(2027, 7, 23)), ("Needs", needId)]);
        var provisionForm = await client.GetPageAsync($"/cases/{id}/plan/provision?section=F");
        var outcomeId = provisionForm.QuerySelector("input[name=Outcomes]")!.GetAttribute("value")!;
        plan = await Html.ParseAsync(await client.SubmitAsync(provisionForm, ("Section", "F"), ("What", "Speech and language therapy"), ("DeliveredBy", "Speech and language therapist"),
            ("Frequency", "as required"), ("Duration", "30 minutes"), ("FundedBy", "Education"), ("Needs", needId), ("Outcomes", outcomeId)));

        Assert.Contains("1 error and 0 warnings", plan.QuerySelector("#check-result")!.TextContent);
        Assert.Contains("Replace 'as required' in 'Speech and language therapy'", plan.QuerySelector("#section-F")!.TextContent);

        var issue = await client.GetPageAsync($"/cases/{id}/plan/issue-draft");
        Assert.Contains("Replace 'as required'", issue.QuerySelector("#defects")!.TextContent);
        var refused = await Html.ParseAsync(await client.SubmitAsync(issue, Html.Date("IssuedOn", new DateOnly(2026, 6, 15))));
        Assert.Contains(refused.ErrorSummary(), e => e.Text.StartsWith("Section F: Replace 'as required'", StringComparison.Ordinal));

        var provisionId = plan.QuerySelector("#section-F .govuk-summary-card")!.Id!["item-".Length..];
        var edit = await client.GetPageAsync($"/cases/{id}/plan/provision?item={provisionId}");
        Assert.Equal("as required", edit.QuerySelector("input[name=Frequency]")!.GetAttribute("value"));
        (string, string)[] fixedFields = [("Section", "F"), ("What", "Speech and language therapy"), ("DeliveredBy", "Speech and language therapist"),
            ("Frequency", "2 sessions a week"), ("Duration", "30 minutes"), ("FundedBy", "Education"), ("Needs", needId), ("Outcomes", outcomeId)];
        await client.SubmitAsync(edit, fixedFields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)), "main form:not([action])");
        // A second caseworker changes the plan after this one opened the issue page: issuing what was checked is refused.
        var stale = await client.GetPageAsync($"/cases/{id}/plan/issue-draft");
        await app.WithServices(async sp =>
        {
            var drafting = sp.GetRequiredService<PlanDrafting>();
            var version = (await sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id)).Plan!.Version;
            await drafting.EditAsync(Staff999, id, version, c => c.WithViews(new ViewsAndAspirations("Changed by a colleague.", null, null, null)), AuditActions.PlanSectionASaved, "Section A");
            return true;
        });
        var lost = await Html.ParseAsync(await client.SubmitAsync(stale, Html.Date("IssuedOn", new DateOnly(2026, 6, 15))));
        Assert.Contains(lost.ErrorSummary(), e => e.Text.StartsWith("Someone else changed this plan at the same time", StringComparison.Ordinal));
        Assert.Empty((await app.WithServices(sp => sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id))).Plan!.Versions);
        var issued = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/cases/{id}/plan/issue-draft"), Html.Date("IssuedOn", new DateOnly(2026, 6, 15))));

        Assert.Equal("Draft plan issued: the family has 15 days to comment and ask for a setting", issued.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("Draft 1", issued.QuerySelector("#versions")!.TextContent);
        var stored = (await app.WithServices(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(Staff999, id))).Assessment;
        Assert.Equal((AssessmentStage.DraftServed, new DateOnly(2026, 6, 15)), (stored.Stage, stored.DraftServedOn));
    }

    [Fact]
    public async Task IssueFinal_WithTheDraftUnchangedButNoSetting_ListsTheErrorAndSavesNothing()
    {
        var id = await DraftedPlanAsync("Quin");
        await app.WithServices(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null));
        var client = app.Client();
        await app.SignInAsync(client);

        var form = await client.GetPageAsync($"/cases/{id}/plan/issue-final");
        var refused = await Html.ParseAsync(await client.SubmitAsync(form, Html.Date("IssuedOn", new DateOnly(2026, 6, 1))));

        Assert.Contains(refused.ErrorSummary(), e => e.Text == "Section I: Name the school or other institution, or the type of setting, in section I.");
        var plan = await app.WithServices(sp => sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id));
        Assert.Single(plan.Plan!.Versions);
    }

    [Fact]
    public async Task ComparePage_MarksWhatChangedBetweenTwoDrafts()
    {
        var id = await DraftedPlanAsync("Rory");
        await app.WithServices(async sp =>
        {
            var drafting = sp.GetRequiredService<PlanDrafting>();
            await drafting.IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null);
            var plan = (await sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id)).Plan!;
            await drafting.EditAsync(Staff999, id, plan.Version, c => c.WithProvision(c.Provision[0] with { Frequency = "3 sessions a week" }), AuditActions.PlanEdited, "More therapy.");
            return await drafting.IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 20), null);
        });
        var client = app.Client();
        await app.SignInAsync(client);

        var page = await client.GetPageAsync($"/cases/{id}/plan/compare?from=1&to=2");

        Assert.Equal("What changed from Draft 1 to Draft 2", page.QuerySelector("h1")!.TextContent.Trim());
        var main = page.MainText();
        Assert.Contains("Section F: Special educational provision", main);
        Assert.Equal("2 sessions a week", page.QuerySelector("del")!.TextContent);
        Assert.Equal("3 sessions a week", page.QuerySelector("ins")!.TextContent);
        Assert.DoesNotContain("Section B", main);
    }

    [Fact]
    public async Task PlanPages_ForALinkedSetting_AreReadOnly()
    {
        var id = await DraftedPlanAsync("Sami");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkSettingAsync(Staff999, id, app.Organisations["999001"].Id, SettingRelationship.CurrentSetting);
            return true;
        });
        var senco = app.Client(followRedirects: false);
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);

        var page = await senco.GetPageAsync($"/cases/{id}/plan");
        var edit = await senco.GetAsync($"/cases/{id}/plan/views");

        Assert.Contains("Social communication group", page.QuerySelector("#section-F")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".govuk-summary-card__actions"));
        Assert.Null(page.QuerySelector("#quality-check"));
        Assert.True(edit.StatusCode is HttpStatusCode.Forbidden || edit.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"{edit.StatusCode}");
    }

    [Fact]
    public async Task AParent_ReadsTheDraft_CommentsOnAnItem_AndTheCaseworkerSeesItBesideTheProvision()
    {
        var id = await DraftedPlanAsync("Uma");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 6, 10), null);
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "uma.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "uma.parent@example.com");

        var request = await parent.GetPageAsync($"/your-requests/{id}");
        var draft = await parent.GetPageAsync($"/your-requests/{id}/draft-plan");
        var commentLink = draft.QuerySelector("#section-F .govuk-summary-card__actions a")!.GetAttribute("href")!;
        var form = await parent.GetPageAsync(commentLink);
        var sent = await Html.ParseAsync(await parent.SubmitAsync(form, ("Comment", "Two sessions a week is not enough; the therapist recommended three.")));

        Assert.Contains("Read the draft plan and comment on it", request.QuerySelector("#draft-plan")!.ParentElement!.TextContent);
        Assert.Contains("You can comment on any part of it until 24 June 2026", draft.QuerySelector("#comment-window")!.TextContent);
        Assert.Equal("Your comment on 'Social communication group' in section F has been sent to the council", sent.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var plan = await caseworker.GetPageAsync($"/cases/{id}/plan");
        var comment = plan.QuerySelector("#section-F .plan-comment")!.TextContent;
        Assert.Contains("Parent or carer commented on draft version 1, 15 June 2026", comment);
        Assert.Contains("the therapist recommended three", comment);
    }

    [Fact]
    public async Task AParent_AfterTheFifteenDays_CannotComment()
    {
        var id = await DraftedPlanAsync("Vic");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null);
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "vic.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        var personId = await app.SignInAsFamilyAsync(parent, "vic.parent@example.com");

        var draft = await parent.GetPageAsync($"/your-requests/{id}/draft-plan");
        var form = await parent.GetPageAsync($"/your-requests/{id}/draft-plan/comment?section=A");
        var refused = await Html.ParseAsync(await parent.SubmitAsync(form, ("Comment", "Too late?")));

        Assert.Contains("The time to comment on this draft ended on 25 May 2026", draft.QuerySelector("#comment-window")!.TextContent);
        Assert.Empty(draft.QuerySelectorAll(".govuk-summary-card__actions"));
        Assert.Contains(refused.ErrorSummary(), e => e.Text.StartsWith("The time to comment on Draft 1 ended on 25 May 2026.", StringComparison.Ordinal));
        var viewed = await app.WithServices(sp => sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id));
        Assert.Empty(viewed.Comments);
    }

    [Fact]
    public async Task Version_DownloadsAsPdfAndWord_AsAttachments()
    {
        var id = await DraftedPlanAsync("Wren");
        await app.WithServices(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null));
        var client = app.Client();
        await app.SignInAsync(client);
        var page = await client.GetPageAsync($"/cases/{id}/plan/versions/1");
        var links = page.QuerySelectorAll("#downloads a").Select(a => a.GetAttribute("href")!).ToList();

        var pdf = await client.GetAsync(links[0]);
        var word = await client.GetAsync(links[1]);

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("Draft 1.pdf", pdf.Content.Headers.ContentDisposition.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", word.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await word.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task Documents_UploadAPdf_ListsIt_AndDownloadsItAsAnAttachment_ButRefuseARenamedExecutable()
    {
        var id = await CaseReadyForADraftAsync("Yara");
        var client = app.Client();
        await app.SignInAsync(client);

        async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName)
        {
            var form = await client.GetPageAsync($"/cases/{id}/documents/upload");
            var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var body = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Educational psychology advice"), "DocumentTitle" },
                { new StringContent("AdviceReport"), "Purpose" },
                { new ByteArrayContent(content), "Upload", fileName },
            };
            return await client.PostAsync($"/cases/{id}/documents/upload", body);
        }

        var refused = await Html.ParseAsync(await UploadAsync([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "advice.pdf"));
        var added = await Html.ParseAsync(await UploadAsync("%PDF-1.7\n%%EOF\n"u8.ToArray(), "advice.pdf"));
        var link = added.QuerySelector("#documents a")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);

        Assert.Contains(refused.ErrorSummary(), e => e.Text == "The selected file must be a PDF, a Word document (.docx), a JPEG or PNG image, or an MP4 video" && e.Href == "#Upload");
        Assert.Equal("Educational psychology advice added", added.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Single(added.QuerySelectorAll("#documents tbody tr"));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("£2,400.50", "£2,400.50")]
    [InlineData("2400", "£2,400.00")]
    public async Task SectionJ_SavesThePersonalBudget(string typed, string shown)
    {
        var id = await DraftedPlanAsync("Zed" + typed.Length);
        var client = app.Client();
        await app.SignInAsync(client);

        var bad = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/cases/{id}/plan/budget"), ("Amount", "lots"), ("Covers", "Transport"), ("DirectPayments", "yes")));
        var plan = await Html.ParseAsync(await client.SubmitAsync(await client.GetPageAsync($"/cases/{id}/plan/budget"), ("Amount", typed), ("Covers", "Transport to school"), ("DirectPayments", "yes")));

        Assert.Contains(bad.ErrorSummary(), e => e.Text == "Amount must be in pounds and pence, like 2400 or 2400.50");
        var section = plan.QuerySelector("#section-J")!.TextContent;
        Assert.Contains(shown, section);
        Assert.Contains("Transport to school", section);
    }

    [Fact]
    public async Task PlanApi_ReturnsTheIssuedVersionInTheNationalFormat()
    {
        var id = await DraftedPlanAsync("Tao");
        await app.WithServices(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null));
        var client = app.Client();
        await app.SignInAsync(client);

        var current = await client.GetAsync($"/api/cases/{id}/plan");
        var missing = await client.GetAsync($"/api/cases/{id}/plan/versions/7");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        using var json = JsonDocument.Parse(await current.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(("opensend-ehc-plan/1", "Draft 1", "Draft", "2026-05-11"),
            (root.GetProperty("format").GetString(), root.GetProperty("label").GetString(), root.GetProperty("status").GetString(), root.GetProperty("issuedOn").GetString()));
        var need = root.GetProperty("content").GetProperty("needs")[0];
        Assert.Equal(("B", "ASD", 1), (need.GetProperty("section").GetString(), need.GetProperty("needType").GetString(), need.GetProperty("rank").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("This plan has no version 7; it has 1.", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Schema_IsServed_AndEveryPropertyItRequiresIsInWhatTheApiReturns()
    {
        var id = await DraftedPlanAsync("Xan");
        await app.WithServices(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null));
        var client = app.Client();
        await app.SignInAsync(client);

        using var schema = JsonDocument.Parse(await client.GetStringAsync("/schemas/ehc-plan.json"));
        using var version = JsonDocument.Parse(await client.GetStringAsync($"/api/cases/{id}/plan"));

        static void RequiredPresent(JsonElement schemaObject, JsonElement value, string path)
        {
            foreach (var name in schemaObject.GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
            {
                Assert.True(value.TryGetProperty(name, out _), $"{path}.{name} is required by the schema but missing from the API's JSON");
            }
        }

        var defs = schema.RootElement.GetProperty("$defs");
        RequiredPresent(schema.RootElement, version.RootElement, "$");
        var content = version.RootElement.GetProperty("content");
        RequiredPresent(defs.GetProperty("planContent"), content, "content");
        foreach (var list in new[] { "needs", "outcomes", "provision", "sectionK" })
        {
            var itemSchema = defs.GetProperty("planContent").GetProperty("properties").GetProperty(list).GetProperty("items");
            foreach (var item in content.GetProperty(list).EnumerateArray())
            {
                RequiredPresent(itemSchema, item, $"content.{list}[]");
                foreach (var property in item.EnumerateObject())
                {
                    Assert.True(itemSchema.GetProperty("properties").TryGetProperty(property.Name, out _), $"content.{list}[].{property.Name} is not in the schema");
                }
            }
        }
    }

    [Fact]
    public async Task QualityCheckApi_RefusesABodyOver512KB_With413ProblemDetails_DeclaredOrNot()
    {
        var client = app.Client();
        var megabyte = $"{{\"issuing\":\"Draft\",\"childDateOfBirth\":\"2018-03-14\",\"plan\":{{\"sectionA\":{{\"inTheirOwnWords\":\"{new string('a', 1024 * 1024)}\"}}}}}}";

        var declared = await client.PostAsync("/api/plan-quality-check", new StringContent(megabyte, System.Text.Encoding.UTF8, "application/json"));
        // Chunked: no Content-Length, so the limit is found while reading.
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(megabyte)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/plan-quality-check") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var undeclared = await client.SendAsync(request);

        foreach (var response in new[] { declared, undeclared })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("urn:opensend:problem:request-too-large", problem.RootElement.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task QualityCheckApi_RefusesAPlanWithMoreItemsThanAnyRealPlan()
    {
        var needs = Enumerable.Range(0, PlanCheckLimits.Needs + 1).Select(i => new { id = Guid.NewGuid(), section = "B", description = $"Need {i}", rank = i + 1 }).ToArray();

        var response = await app.Client().PostAsJsonAsync("/api/plan-quality-check", new { issuing = "Draft", childDateOfBirth = "2018-03-14", plan = new { needs, outcomes = Array.Empty<object>(), provision = Array.Empty<object>() } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"A plan can have at most 100 items in needs; this one has 101.", problem.RootElement.GetProperty("errors").GetProperty("plan.needs")[0].GetString());
    }

    [Fact]
    public void ARefusalBecauseTheRecordChangedMeanwhile_IsA409OnTheApi_OtherRefusalsA422()
    {
        var changed = OpenSend.Web.Problems.ApiProblems.Refused(StepRefusedException.Changed("plan-changed", "Someone else changed this plan."));
        var refused = OpenSend.Web.Problems.ApiProblems.Refused(new StepRefusedException("plan-not-possible", "Not yet."));

        Assert.Equal((409, "urn:opensend:problem:plan-changed"), (changed.Status, changed.Type));
        Assert.Equal(422, refused.Status);
    }

    [Fact]
    public async Task ReceivingAPlanTransfer_AsAnythingButJson_Is415()
    {
        var client = app.Client();
        await app.SignInAsync(client);

        var form = await client.PostAsync("/api/plan-transfers?transferredOn=2026-06-10", new FormUrlEncodedContent([new("format", "opensend-ehc-plan-transfer/1")]));
        var text = await client.PostAsync("/api/plan-transfers?transferredOn=2026-06-10", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task QualityCheckApi_ListsEachDefectWithItsSection_AndExplainsAMissingField()
    {
        var need = Guid.NewGuid();
        var plan = PlanContent.Empty
            .WithViews(new ViewsAndAspirations("I like trains.", null, null, null))
            .WithNeed(new PlanNeed(need, PlanSection.B, "Social communication", Sen2NeedType.ASD, 1))
            .WithProvision(new PlanProvision(Guid.NewGuid(), PlanSection.G, "Occupational therapy", "Occupational therapist", "Weekly", "Access to sensory breaks", null, null, null, [need], []));
        var client = app.Client();

        var checkedPlan = await client.PostAsync("/api/plan-quality-check", new StringContent(PlanJson.Serialize(new { issuing = "Draft", childDateOfBirth = "2018-03-14", plan }), System.Text.Encoding.UTF8, "application/json"));
        var incomplete = await client.PostAsJsonAsync("/api/plan-quality-check", new { plan = new { } });

        Assert.Equal(HttpStatusCode.OK, checkedPlan.StatusCode);
        using var json = JsonDocument.Parse(await checkedPlan.Content.ReadAsStringAsync());
        var defects = json.RootElement.GetProperty("defects").EnumerateArray().Select(d => (d.GetProperty("ruleCode").GetString(), d.GetProperty("section").GetString())).ToList();
        Assert.Contains((PlanQualityRules.ProvisionVague, "G"), defects);
        Assert.Contains((PlanQualityRules.ProvisionWithoutFunder, "G"), defects);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        using var problem = JsonDocument.Parse(await incomplete.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Say what is about to be issued: \"Draft\" or \"Final\".", errors.GetProperty("issuing")[0].GetString());
        Assert.StartsWith("Give the child's date of birth", errors.GetProperty("childDateOfBirth")[0].GetString());
    }
    [Fact]
    public async Task AParent_AsksForAMeetingAndASchool_WithinTheFifteenDays_AndTheCaseworkerSeesIt()
    {
        var id = await DraftedPlanAsync("Zoe");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 6, 10), null);
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "zoe.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "zoe.parent@example.com");

        var draft = await parent.GetPageAsync($"/your-requests/{id}/draft-plan");
        var form = await parent.GetPageAsync(draft.QuerySelector("a[href$=meeting-or-setting]")!.GetAttribute("href")!);
        var empty = await Html.ParseAsync(await parent.SubmitAsync(form));
        var sent = await Html.ParseAsync(await parent.SubmitAsync(form, ("Meeting", "true"), ("Setting", "Oakfield Primary School")));

        Assert.Contains("Until 24 June 2026", form.MainText());
        Assert.Equal([("Select that you want a meeting, or enter the school or college you want named, or both.", "#Meeting")], empty.ErrorSummary());
        Assert.Equal("The council has your request for a meeting and for Oakfield Primary School to be named", sent.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("You have asked for a meeting and for Oakfield Primary School to be named.", sent.QuerySelector("#asked")!.TextContent);
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var asked = (await caseworker.GetPageAsync($"/cases/{id}/plan")).QuerySelector("#family-asked")!.TextContent;
        Assert.Contains("The family asked for a meeting about the draft plan.", asked);
        Assert.Contains("Oakfield Primary School", asked);
        Assert.NotNull((await caseworker.GetPageAsync($"/cases/{id}")).QuerySelector("#meeting-requested"));
    }

    [Fact]
    public async Task AParent_SharesAPhoto_TheCaseworkerPutsItInSectionA_AndTheFamilySeesItInTheDraft()
    {
        var id = await DraftedPlanAsync("Abel");
        await app.WithServices(async sp => { await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "abel.parent@example.com", Role.Parent); return true; });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "abel.parent@example.com");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

        async Task<HttpResponseMessage> ShareAsync(byte[] content, string fileName)
        {
            var form = await parent.GetPageAsync($"/your-requests/{id}/pictures");
            var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await parent.PostAsync($"/your-requests/{id}/pictures", new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Abel at the swimming gala"), "Caption" },
                { new ByteArrayContent(content), "Upload", fileName },
            });
        }

        var refused = await Html.ParseAsync(await ShareAsync("%PDF-1.7\n%%EOF\n"u8.ToArray(), "gala.png"));
        var shared = await Html.ParseAsync(await ShareAsync(png, "gala.png"));

        Assert.Equal([("A photo or video for section A must be a JPEG, PNG or MP4 file", "#Upload")], refused.ErrorSummary());
        Assert.Contains("Abel at the swimming gala (photo", shared.QuerySelector("#shared")!.TextContent);

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var views = await caseworker.GetPageAsync($"/cases/{id}/plan/views");
        var documentId = views.QuerySelector("input[name=Media]")!.GetAttribute("value")!;
        var plan = await Html.ParseAsync(await caseworker.SubmitAsync(views, ("InTheirOwnWords", "I like swimming."), ("Media", documentId)));
        var picture = plan.QuerySelector("#section-A-media img")!;
        Assert.Equal("Abel at the swimming gala", picture.GetAttribute("alt"));
        var served = await caseworker.GetAsync(picture.GetAttribute("src")!);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());

        await app.WithServices(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(Staff999, id, new DateOnly(2026, 6, 15), null));
        var draft = await parent.GetPageAsync($"/your-requests/{id}/draft-plan");
        var familyPicture = draft.QuerySelector("#section-A-media img")!.GetAttribute("src")!;
        Assert.StartsWith($"/your-requests/{id}/draft-plan", familyPicture, StringComparison.Ordinal);
        Assert.Equal(png, await parent.GetByteArrayAsync(familyPicture));
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.abels.parent@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(familyPicture)).StatusCode);
    }
    /// <summary>Issue 20 points 8 and 10: proposed amendments show their reg 22 dates; deciding not to amend needs reasons.</summary>
    [Fact]
    public async Task ProposedAmendments_ShowTheirDates_AndTheCouncilCanDecideNotToAmendWithReasons()
    {
        var id = await DraftedPlanAsync("Cai");
        await app.WithServices(async sp =>
        {
            var drafting = sp.GetRequiredService<PlanDrafting>();
            await drafting.IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null);
            var plan = await sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id);
            await drafting.EditAsync(Staff999, id, plan.Plan!.Version, c => c.WithSetting(new NamedSetting("Oakfield Primary School", "118000", null, null)), AuditActions.PlanSettingNamed, "Named.");
            await drafting.IssueFinalAsync(Staff999, id, new DateOnly(2026, 6, 1));
            var inForce = await sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id);
            await drafting.EditAsync(Staff999, id, inForce.Plan!.Version, c => c.WithViews(new ViewsAndAspirations("I like buses now.", null, null, "To make friends.")), AuditActions.PlanSectionASaved, "Section A");
            await drafting.IssueDraftAsync(Staff999, id, new DateOnly(2026, 6, 8), "New views.");
            return true;
        });
        var client = app.Client();
        await app.SignInAsync(client);

        // Amended draft on 8 June 2026: comments until 22 June (15 days beginning with 8 June); 8 weeks to 3 August.
        var plan = await client.GetPageAsync($"/cases/{id}/plan");
        var inHand = plan.QuerySelector("#amendment-in-hand")!.TextContent;
        Assert.Contains("22 June 2026", inHand);
        Assert.Contains("3 August 2026", inHand);
        var form = await client.GetPageAsync(plan.QuerySelector("#amendment-in-hand a")!.GetAttribute("href")!);
        var blank = await Html.ParseAsync(await client.SubmitAsync(form, [.. Html.Date("DecidedOn", new DateOnly(2026, 6, 15)), ("Reasons", "")]));
        Assert.Contains(blank.ErrorSummary(), e => e.Href == "#Reasons");

        var decided = await Html.ParseAsync(await client.SubmitAsync(form, [.. Html.Date("DecidedOn", new DateOnly(2026, 6, 15)), ("Reasons", "The views are already reflected in section A.")]));

        Assert.StartsWith("Decision not to amend recorded", decided.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(decided.QuerySelector("#amendment-in-hand"));
    }

    [Fact]
    public async Task APlan_MovesToTheNewCouncil_WhichTellsTheFamilyWithinSixWeeks()
    {
        var id = await DraftedPlanAsync("Bea");
        await app.WithServices(async sp =>
        {
            var drafting = sp.GetRequiredService<PlanDrafting>();
            await drafting.IssueDraftAsync(Staff999, id, new DateOnly(2026, 5, 11), null);
            var plan = await sp.GetRequiredService<PlanQueries>().GetAsync(Staff999, id);
            await drafting.EditAsync(Staff999, id, plan.Plan!.Version, c => c.WithSetting(new NamedSetting("Oakfield Primary School", "118000", null, null)), AuditActions.PlanSettingNamed, "Named.");
            await drafting.IssueFinalAsync(Staff999, id, new DateOnly(2026, 6, 1));
            return true;
        });
        var demoshire = app.Client();
        await app.SignInAsync(demoshire);
        var planPage = await demoshire.GetPageAsync($"/cases/{id}/plan");
        var download = await demoshire.GetAsync(planPage.QuerySelector("#transfer-download a")!.GetAttribute("href")!);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var file = await download.Content.ReadAsByteArrayAsync();

        var northshire = app.Client();
        await app.SignInAsync(northshire, AppFixture.NorthshireCaseworker);
        var form = await northshire.GetPageAsync("/caseload/receive-transfer");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var received = await Html.ParseAsync(await northshire.PostAsync("/caseload/receive-transfer", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", "plan.json" },
            { new StringContent("10"), "TransferredOn.Day" },
            { new StringContent("6"), "TransferredOn.Month" },
            { new StringContent("2026"), "TransferredOn.Year" },
        }));

        Assert.StartsWith("Plan received from Demoshire", received.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim(), StringComparison.Ordinal);
        var deadlines = received.QuerySelector("#deadlines")!.TextContent;
        Assert.Contains("Tell the family the plan has transferred", deadlines);
        Assert.Contains("22 July 2026", deadlines);
        var noticeForm = await northshire.GetPageAsync(received.QuerySelector("a[href$=transfer-notice]")!.GetAttribute("href")!);
        Assert.Contains("31 May 2027", noticeForm.MainText());
        var tooLate = await Html.ParseAsync(await northshire.SubmitAsync(noticeForm, [.. Html.Date("GivenOn", new DateOnly(2026, 6, 12)), ("ProposesAssessment", "false"), .. Html.Date("ReviewOn", new DateOnly(2027, 6, 30))]));
        Assert.Contains(tooLate.ErrorSummary(), e => e.Href == "#ReviewOn-day" && e.Text.Contains("31 May 2027", StringComparison.Ordinal));
        var noticed = await Html.ParseAsync(await northshire.SubmitAsync(noticeForm, [.. Html.Date("GivenOn", new DateOnly(2026, 6, 12)), ("ProposesAssessment", "false"), .. Html.Date("ReviewOn", new DateOnly(2027, 5, 20))]));
        Assert.Equal("Notice of the transferred plan recorded", noticed.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Null(noticed.QuerySelector("a[href$=transfer-notice]"));
        var versions = await northshire.GetPageAsync(noticed.QuerySelector("#plan-link")!.GetAttribute("href")!);
        Assert.Equal(2, versions.QuerySelectorAll("#versions tbody tr").Length);
    }
    [Fact]
    public async Task TheFamilysOwnWords_StartSectionA()
    {
        var id = await CaseReadyForADraftAsync("Cyd");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "cyd.parent@example.com", Role.Parent);
            await sp.GetRequiredService<PlanDrafting>().StartAsync(Staff999, id);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "cyd.parent@example.com");

        var form = await parent.GetPageAsync($"/your-requests/{id}/views");
        var empty = await Html.ParseAsync(await parent.SubmitAsync(form));
        var sent = await Html.ParseAsync(await parent.SubmitAsync(form, ("InTheirOwnWords", "I love drawing dragons."), ("Aspirations", "To be an illustrator.")));

        Assert.Equal("#InTheirOwnWords", Assert.Single(empty.ErrorSummary()).Href);
        Assert.Equal("Your views have been sent to the council", sent.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal("I love drawing dragons.", sent.QuerySelector("textarea[name=InTheirOwnWords]")!.TextContent.Trim());

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var views = await caseworker.GetPageAsync($"/cases/{id}/plan/views");
        Assert.Contains("The family sent their views on 15 June 2026 (parent or carer)", views.QuerySelector("#family-views")!.TextContent);
        Assert.Equal(string.Empty, views.QuerySelector("textarea[name=InTheirOwnWords]")!.TextContent.Trim());
        var prefilled = await caseworker.GetPageAsync(views.QuerySelector("#family-views a")!.GetAttribute("href")!);
        Assert.Equal("I love drawing dragons.", prefilled.QuerySelector("textarea[name=InTheirOwnWords]")!.TextContent.Trim());
        // A browser sends back what the form holds: the family's words.
        var plan = await Html.ParseAsync(await caseworker.SubmitAsync(prefilled,
            [.. new[] { "InTheirOwnWords", "ParentsViews", "Interests", "Aspirations" }.Select(n => (n, prefilled.QuerySelector($"textarea[name={n}]")!.TextContent.Trim()))]));
        Assert.Empty(plan.ErrorSummary());
        Assert.Contains("To be an illustrator.", plan.QuerySelector("#section-A")!.TextContent);
    }
}

public sealed class PlanPageTests_Sqlite(SqliteApp app) : PlanPageTests<SqliteApp>(app);

public sealed class PlanPageTests_PostgreSql(PostgreSqlApp app) : PlanPageTests<PostgreSqlApp>(app);
