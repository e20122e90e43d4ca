using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Placements;

/// <summary>What to look for in the register. Text matches a name, or exactly a URN or UKPRN.</summary>
public sealed record SettingSearch(string? Text = null, SettingCategory? Category = null, string? Phase = null, Sen2NeedType? Need = null,
    string? Postcode = null, double? WithinKm = null, bool IncludeClosed = false, int Page = 1);

public sealed record SettingResult(Setting Setting, double? DistanceKm);

/// <summary>Where a postcode is, taken from the register's own settings: at that postcode, else its sector, else its district.</summary>
public sealed record LocatedPostcode(string Postcode, GridPoint Point, string Precision);

public sealed record SettingSearchPage(IReadOnlyList<SettingResult> Rows, int Total, int Page, LocatedPostcode? From, string? PostcodeNotFound)
{
    public int PageCount => Math.Max(1, (Total + SettingsRegister.PageSize - 1) / SettingsRegister.PageSize);
}

/// <summary>A setting with the places one LA commissions there and whether it is on the LA's suitable list.</summary>
public sealed record SettingDetails(Setting Setting, Setting? Predecessor, IReadOnlyList<CommissionedPlaces> Places, SuitableSetting? Suitable);

/// <summary>One line of an LA's sufficiency: commissioned places against children with plans, by need and phase.</summary>
public sealed record SufficiencyRow(Sen2NeedType? Need, string Phase, int Commissioned, int Filled, int Available, int ChildrenWithPlans);

/// <summary>
/// The settings register: search (public: GIAS is public data), each LA's commissioned places and
/// suitable list (its own only), providers an LA adds that GIAS lacks, and the LA's sufficiency.
/// Changes are the LA SEND manager's, audited.
/// </summary>
public sealed class SettingsRegister(OpenSendDbContext db, TimeProvider time)
{
    public const int PageSize = 25;

    public const double DefaultWithinKm = 10;

    public async Task<SettingSearchPage> SearchAsync(SettingSearch search, CancellationToken cancellationToken = default)
    {
        var query = db.Settings.AsNoTracking();
        if (!search.IncludeClosed)
        {
            query = query.Where(s => s.Status == SettingStatus.Open || s.Status == SettingStatus.OpenProposedToClose);
        }

        if (Text.NullIfBlank(search.Text) is { } text)
        {
            var lower = text.ToLowerInvariant();
            query = text.All(char.IsAsciiDigit)
                ? query.Where(s => s.Urn == text || s.Ukprn == text)
                : query.Where(s => s.Name.ToLower().Contains(lower));
        }

        if (search.Category is { } category)
        {
            query = query.Where(s => s.Category == category);
        }

        if (Text.NullIfBlank(search.Phase) is { } phase)
        {
            query = query.Where(s => s.Phase == phase);
        }

        if (search.Need is { } need)
        {
            var code = Setting.CatersForCode(need);
            query = query.Where(s => s.CatersForCodes.Contains(code));
        }

        var page = Math.Max(1, search.Page);
        if (Text.NullIfBlank(search.Postcode) is { } postcode)
        {
            var from = await LocateAsync(postcode, cancellationToken);
            if (from is null)
            {
                return new SettingSearchPage([], 0, 1, null, Postcodes.Normalise(postcode));
            }

            // A box around the point in the database, the exact distance here.
            var km = Math.Clamp(search.WithinKm ?? DefaultWithinKm, 1, 200);
            var metres = (int)(km * 1000);
            var (e, n) = (from.Point.Easting, from.Point.Northing);
            var near = (await query.Where(s => s.Easting >= e - metres && s.Easting <= e + metres && s.Northing >= n - metres && s.Northing <= n + metres).ToListAsync(cancellationToken))
                .Select(s => new SettingResult(s, s.KilometresFrom(from.Point)))
                .Where(r => r.DistanceKm <= km)
                .OrderBy(r => r.DistanceKm).ThenBy(r => r.Setting.Name, StringComparer.Ordinal)
                .ToList();
            page = Math.Min(page, Math.Max(1, (near.Count + PageSize - 1) / PageSize));
            return new SettingSearchPage(near.Skip((page - 1) * PageSize).Take(PageSize).ToList(), near.Count, page, from, null);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(s => s.Name).ThenBy(s => s.Urn).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new SettingSearchPage(rows.Select(s => new SettingResult(s, null)).ToList(), total, page, null, null);
    }

    /// <summary>
    /// A postcode's place on the grid from the settings at it, or in its sector, or its district
    /// (OpenSEND holds no postcode file of its own: the register's 24,000 open settings cover
    /// England's postcode sectors closely enough for travel distances). Null when none is near.
    /// </summary>
    public async Task<LocatedPostcode?> LocateAsync(string postcode, CancellationToken cancellationToken = default)
    {
        if (Postcodes.Normalise(postcode) is not { } normalised)
        {
            return null;
        }

        var (district, sector) = Postcodes.Parts(normalised);
        var located = db.Settings.AsNoTracking().Where(s => s.Postcode != null && s.Easting != null && s.Northing != null);
        foreach (var (precision, matching) in new (string, IQueryable<Setting>)[]
        {
            ("postcode", located.Where(s => s.Postcode == normalised)),
            ("sector", sector is null ? located.Where(_ => false) : located.Where(s => s.Postcode!.StartsWith(sector))),
            ("district", located.Where(s => s.Postcode!.StartsWith(district + " "))),
        })
        {
            var points = await matching.Select(s => new { s.Easting, s.Northing }).Take(500).ToListAsync(cancellationToken);
            if (points.Count > 0)
            {
                return new LocatedPostcode(normalised, new GridPoint((int)points.Average(p => p.Easting!.Value), (int)points.Average(p => p.Northing!.Value)), precision);
            }
        }

        return null;
    }

    /// <summary>One setting; with the viewer's LA's places and list entry when they are LA staff.</summary>
    public async Task<SettingDetails?> GetAsync(RequestContext context, string urn, CancellationToken cancellationToken = default)
    {
        var setting = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken);
        if (setting is null)
        {
            return null;
        }

        var predecessor = setting.PredecessorUrn is { } before ? await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == before, cancellationToken) : null;
        if (context.Viewer is not { IsLaStaff: true, LaCode: { } laCode })
        {
            return new SettingDetails(setting, predecessor, [], null);
        }

        var places = await db.CommissionedPlaces.AsNoTracking().Where(p => p.LaCode == laCode && p.SettingUrn == urn).OrderBy(p => p.Kind).ThenBy(p => p.Need).ToListAsync(cancellationToken);
        var suitable = await db.SuitableSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LaCode == laCode && s.SettingUrn == urn, cancellationToken);
        return new SettingDetails(setting, predecessor, places, suitable);
    }

    /// <summary>The LA SEND manager records the places the LA commissions at a setting, for one kind of provision and need.</summary>
    public async Task SetPlacesAsync(RequestContext context, string urn, PlaceKind kind, Sen2NeedType? need, int commissioned, int filled, CancellationToken cancellationToken = default)
    {
        var laCode = Manager(context);
        await RequireSettingAsync(urn, cancellationToken);
        var now = time.GetUtcNow();
        var places = await db.CommissionedPlaces.SingleOrDefaultAsync(p => p.LaCode == laCode && p.SettingUrn == urn && p.Kind == kind && p.Need == need, cancellationToken);
        if (places is null)
        {
            places = new CommissionedPlaces(RecordId.New(), laCode, urn, kind, need, now);
            db.CommissionedPlaces.Add(places);
        }

        places.Set(commissioned, filled, now);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.SettingPlacesSet, now, $"{urn}: {kind} {need?.ToString() ?? "any need"}, {filled} of {commissioned} filled."));
        await db.SaveOrRefuseAsync(() => StepRefusedException.ChangedBySomeoneElse("places"), cancellationToken);
    }

    /// <summary>The LA's suitable settings (its tailored lists' source), with each one's places.</summary>
    public async Task<IReadOnlyList<(SuitableSetting Suitable, Setting Setting, IReadOnlyList<CommissionedPlaces> Places)>> SuitableAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = LaStaff(context);
        var listed = await db.SuitableSettings.AsNoTracking().Where(s => s.LaCode == laCode)
            .Join(db.Settings.AsNoTracking(), s => s.SettingUrn, s => s.Urn, (suitable, setting) => new { suitable, setting })
            .ToListAsync(cancellationToken);
        var places = (await db.CommissionedPlaces.AsNoTracking().Where(p => p.LaCode == laCode).ToListAsync(cancellationToken)).ToLookup(p => p.SettingUrn);
        return listed.OrderBy(l => TailoredListRules.Tier(l.setting, null) ?? ListTier.Independent).ThenBy(l => l.setting.Name, StringComparer.Ordinal)
            .Select(l => (l.suitable, l.setting, (IReadOnlyList<CommissionedPlaces>)places[l.setting.Urn].ToList())).ToList();
    }

    public async Task AddSuitableAsync(RequestContext context, string urn, string? note, CancellationToken cancellationToken = default)
    {
        var laCode = Manager(context);
        var setting = await RequireSettingAsync(urn, cancellationToken);
        if (!setting.IsOpen)
        {
            throw new StepRefusedException("setting-closed", $"{setting.Name} is closed, so it cannot be offered.");
        }

        if (await db.SuitableSettings.AnyAsync(s => s.LaCode == laCode && s.SettingUrn == urn, cancellationToken))
        {
            throw new StepRefusedException("already-listed", $"{setting.Name} is already on the list.");
        }

        var now = time.GetUtcNow();
        db.SuitableSettings.Add(new SuitableSetting(laCode, urn, note, context.Actor.DisplayName, now));
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.SettingListedSuitable, now, $"{setting.Name} ({urn})."));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSuitableAsync(RequestContext context, string urn, CancellationToken cancellationToken = default)
    {
        var laCode = Manager(context);
        var listed = await db.SuitableSettings.SingleOrDefaultAsync(s => s.LaCode == laCode && s.SettingUrn == urn, cancellationToken)
            ?? throw new StepRefusedException("not-listed", "That setting is not on the list.");
        db.SuitableSettings.Remove(listed);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.SettingUnlistedSuitable, time.GetUtcNow(), urn));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Lists every open setting in the LA's area that a tailored list can offer (mainstream, special, independent special, post-16). Returns how many were added.</summary>
    public async Task<int> AddAreaAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = Manager(context);
        var listed = (await db.SuitableSettings.Where(s => s.LaCode == laCode).Select(s => s.SettingUrn).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var offered = new[] { SettingCategory.Mainstream, SettingCategory.Special, SettingCategory.NonMaintainedSpecial, SettingCategory.IndependentSpecial, SettingCategory.PostSixteen };
        var area = await db.Settings.AsNoTracking()
            .Where(s => s.LaCode == laCode && (s.Status == SettingStatus.Open || s.Status == SettingStatus.OpenProposedToClose) && offered.Contains(s.Category))
            .Select(s => s.Urn).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var added = area.Where(urn => !listed.Contains(urn)).ToList();
        db.SuitableSettings.AddRange(added.Select(urn => new SuitableSetting(laCode, urn, null, context.Actor.DisplayName, now)));
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.SettingListedArea, now, $"{added.Count} settings."));
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }

    /// <summary>
    /// A provider GIAS does not hold (a training provider by UKPRN, an independent specialist
    /// provider), added by the LA SEND manager. Its place on the grid is taken from its postcode.
    /// </summary>
    public async Task<Setting> AddProviderAsync(RequestContext context, string ukprn, string name, SettingCategory category, int? lowAge, int? highAge, string postcode,
        IReadOnlyList<Sen2NeedType> catersFor, CancellationToken cancellationToken = default)
    {
        var laCode = Manager(context);
        ukprn = ukprn.Trim();
        if (ukprn.Length != 8 || !ukprn.All(char.IsAsciiDigit) || ukprn[0] != '1')
        {
            throw new StepRefusedException("ukprn", "Enter the provider's UKPRN: 8 digits starting with 1, as the UK Register of Learning Providers gives it.");
        }

        if (Text.NullIfBlank(name) is not { } named)
        {
            throw new StepRefusedException("provider-name", "Enter the provider's name.");
        }

        if (lowAge > highAge)
        {
            throw new StepRefusedException("provider-ages", "The youngest age cannot be above the oldest.");
        }

        if (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Ukprn == ukprn, cancellationToken) is { } existing)
        {
            throw new StepRefusedException("provider-exists", $"{existing.Name} (URN {existing.Urn}) already has UKPRN {ukprn} in the register.");
        }

        var located = await LocateAsync(postcode, cancellationToken)
            ?? throw new StepRefusedException("postcode", "Enter a postcode in England the register can place; no settings are recorded near that one.");
        var now = time.GetUtcNow();
        var setting = new Setting($"UKPRN-{ukprn}", SettingSource.LocalAuthority, named)
        {
            LaCode = laCode,
            Category = category,
            TypeName = "Added by the local authority",
            Status = SettingStatus.Open,
            Phase = category == SettingCategory.PostSixteen ? "16 plus" : "Not applicable",
            LowAge = lowAge,
            HighAge = highAge,
            CatersFor = catersFor,
            Ukprn = ukprn,
            Postcode = located.Postcode,
            Easting = located.Point.Easting,
            Northing = located.Point.Northing,
            UpdatedAt = now,
        };
        db.Settings.Add(setting);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.SettingProviderAdded, now, $"{named} (UKPRN {ukprn})."));
        await db.SaveChangesAsync(cancellationToken);
        return setting;
    }

    /// <summary>
    /// Sufficiency: the LA's commissioned places by need and phase beside the children whose plans in
    /// force have that primary need, so gaps stand out. A child's phase is from their age today.
    /// </summary>
    public async Task<IReadOnlyList<SufficiencyRow>> SufficiencyAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = LaStaff(context);
        var today = UkCalendar.DateOf(time.GetUtcNow());
        var places = await db.CommissionedPlaces.AsNoTracking().Where(p => p.LaCode == laCode)
            .Join(db.Settings.AsNoTracking(), p => p.SettingUrn, s => s.Urn, (p, s) => new { p.Need, p.Commissioned, p.Filled, s.LowAge, s.HighAge, s.Phase })
            .ToListAsync(cancellationToken);
        var inForce = await db.Assessments.AsNoTracking().Where(a => a.LaCode == laCode && a.Stage == AssessmentStage.PlanIssued)
            .Select(a => new { a.Id, a.Child.DateOfBirth }).ToListAsync(cancellationToken);
        var ids = inForce.Select(a => a.Id).ToList();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions).Where(p => p.LaCode == laCode && ids.Contains(p.AssessmentId)).ToListAsync(cancellationToken);
        var needOf = plans.ToDictionary(p => p.AssessmentId, p => (p.LatestFinal?.Content ?? p.Working).PrimaryNeed?.NeedType);
        var children = inForce.GroupBy(a => (Need: needOf.GetValueOrDefault(a.Id), Phase: PhaseOfAge(CompulsorySchoolAge.AgeOn(a.DateOfBirth, today))))
            .ToDictionary(g => g.Key, g => g.Count());
        var commissioned = places.GroupBy(p => (p.Need, Phase: PhaseOfSetting(p.LowAge, p.HighAge)))
            .ToDictionary(g => g.Key, g => (Commissioned: g.Sum(p => p.Commissioned), Filled: g.Sum(p => p.Filled)));
        return commissioned.Keys.Concat(children.Keys).Distinct()
            .OrderBy(k => k.Need is null).ThenBy(k => k.Need).ThenBy(k => Array.IndexOf(Phases, k.Phase))
            .Select(k =>
            {
                var places = commissioned.GetValueOrDefault(k);
                return new SufficiencyRow(k.Need, k.Phase, places.Commissioned, places.Filled, Math.Max(0, places.Commissioned - places.Filled), children.GetValueOrDefault(k));
            })
            .ToList();
    }

    public static readonly string[] Phases = ["Early years", "Primary", "Secondary", "Post-16", "All ages"];

    private static string PhaseOfAge(int age) => age switch
    {
        < 4 => "Early years",
        < 11 => "Primary",
        < 16 => "Secondary",
        _ => "Post-16",
    };

    private static string PhaseOfSetting(int? low, int? high) => (low, high) switch
    {
        ({ } l, { } h) when h <= 5 && l < 4 => "Early years",
        ({ } l, { } h) when l >= 16 => "Post-16",
        ({ } l, { } h) when h <= 11 => "Primary",
        ({ } l, { } h) when l >= 11 && h <= 16 => "Secondary",
        ({ } l, { } h) when l >= 11 => "Secondary",
        _ => "All ages",
    };

    private async Task<Setting> RequireSettingAsync(string urn, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken)
        ?? throw new StepRefusedException("setting-not-found", $"There is no setting with URN {urn} in the register.");

    private static string LaStaff(RequestContext context) =>
        context.Viewer is { IsLaStaff: true, LaCode: { } laCode } ? laCode : throw new CaseAccessDeniedException();

    private static string Manager(RequestContext context) =>
        context.Viewer is { IsLaStaff: true, Role: Role.LaSendManager, LaCode: { } laCode } ? laCode : throw new CaseAccessDeniedException();
}
