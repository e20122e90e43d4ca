using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Identity;
using OpenSend.Data.Journeys;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Database;

/// <summary>
/// The one EF Core context. Each provider has its own subclass so that its migrations live apart
/// (convention 5): <see cref="SqliteOpenSendDbContext"/> and <see cref="PostgreSqlOpenSendDbContext"/>.
/// Services depend on this base type.
/// </summary>
public abstract class OpenSendDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The clock and grace period case access is judged by (set from the services when the context is made).</summary>
    public CaseAccessPolicy AccessPolicy { get; set; } = CaseAccessPolicy.Default;

    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();

    public DbSet<EhcCase> Assessments => Set<EhcCase>();

    /// <summary>Cases with everything their steps and clocks depend on (advice, panel, exceptions, timeline), read in split queries.</summary>
    public IQueryable<EhcCase> WholeCases => Assessments
        .Include(a => a.AdviceRequests)
        .Include(a => a.PanelRecommendations)
        .Include(a => a.Exceptions)
        .Include(a => a.Timeline)
        .AsSplitQuery();

    public DbSet<AdviceRequest> AdviceRequests => Set<AdviceRequest>();

    public DbSet<PathwayEvent> PathwayEvents => Set<PathwayEvent>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<FormJourney> FormJourneys => Set<FormJourney>();

    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<FamilyLink> FamilyLinks => Set<FamilyLink>();

    public DbSet<SettingLink> SettingLinks => Set<SettingLink>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<EhcPlan> Plans => Set<EhcPlan>();

    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    public DbSet<PlanComment> PlanComments => Set<PlanComment>();

    public DbSet<ProvisionDeliveryReport> ProvisionDeliveryReports => Set<ProvisionDeliveryReport>();

    /// <summary>Every proposal to amend a plan in force, from its notice to the amended plan or the decision not to amend (reg 22).</summary>
    public DbSet<PlanAmendment> PlanAmendments => Set<PlanAmendment>();

    public DbSet<OpenSend.Domain.Advice.AdviceContribution> AdviceContributions => Set<OpenSend.Domain.Advice.AdviceContribution>();

    public DbSet<OpenSend.Domain.Advice.FamilyViews> FamilyViews => Set<OpenSend.Domain.Advice.FamilyViews>();

    public DbSet<OpenSend.Domain.Reviews.AnnualReview> AnnualReviews => Set<OpenSend.Domain.Reviews.AnnualReview>();

    public DbSet<OpenSend.Domain.Reviews.EarlyReviewRequest> EarlyReviewRequests => Set<OpenSend.Domain.Reviews.EarlyReviewRequest>();

    public DbSet<OpenSend.Domain.Redress.Mediation> Mediations => Set<OpenSend.Domain.Redress.Mediation>();

    public DbSet<OpenSend.Domain.Redress.TribunalAppeal> TribunalAppeals => Set<OpenSend.Domain.Redress.TribunalAppeal>();

    public DbSet<OpenSend.Domain.Redress.Complaint> Complaints => Set<OpenSend.Domain.Redress.Complaint>();

    /// <summary>The local offer's services, their providers and the taxonomies describing them (public data, kept by each LA).</summary>
    public DbSet<OpenSend.Domain.Partnerships.LocalOfferService> LocalOfferServices => Set<OpenSend.Domain.Partnerships.LocalOfferService>();

    public DbSet<OpenSend.Domain.Partnerships.LocalOfferProvider> LocalOfferProviders => Set<OpenSend.Domain.Partnerships.LocalOfferProvider>();

    /// <summary>The DfE's dated decisions that an area runs the green paper's rules (a history; the area holds the current one).</summary>
    public DbSet<OpenSend.Domain.Partnerships.RuleSetAdoption> RuleSetAdoptions => Set<OpenSend.Domain.Partnerships.RuleSetAdoption>();

    public DbSet<OpenSend.Domain.Partnerships.Taxonomy> Taxonomies => Set<OpenSend.Domain.Partnerships.Taxonomy>();

    public DbSet<OpenSend.Domain.Partnerships.TaxonomyTerm> TaxonomyTerms => Set<OpenSend.Domain.Partnerships.TaxonomyTerm>();

    public DbSet<OpenSend.Domain.Reviews.ReviewContribution> ReviewContributions => Set<OpenSend.Domain.Reviews.ReviewContribution>();

    /// <summary>The settings register (GIAS and the providers LAs add): public data, not scoped by LA.</summary>
    public DbSet<OpenSend.Domain.Placements.Setting> Settings => Set<OpenSend.Domain.Placements.Setting>();

    /// <summary>The DfE's published statistics, as released (public data, not scoped by LA).</summary>
    public DbSet<OpenSend.Data.Statistics.PublishedRow> PublishedRows => Set<OpenSend.Data.Statistics.PublishedRow>();

    public DbSet<OpenSend.Data.Dashboard.ExternalFigure> ExternalFigures => Set<OpenSend.Data.Dashboard.ExternalFigure>();

    public DbSet<OpenSend.Data.Dashboard.StatisticalNeighbour> StatisticalNeighbours => Set<OpenSend.Data.Dashboard.StatisticalNeighbour>();

    public DbSet<OpenSend.Domain.Placements.CommissionedPlaces> CommissionedPlaces => Set<OpenSend.Domain.Placements.CommissionedPlaces>();

    public DbSet<OpenSend.Domain.Placements.SuitableSetting> SuitableSettings => Set<OpenSend.Domain.Placements.SuitableSetting>();

    public DbSet<OpenSend.Domain.Placements.Placement> Placements => Set<OpenSend.Domain.Placements.Placement>();

    /// <summary>A placement with its list and preferences, read in split queries.</summary>
    public IQueryable<OpenSend.Domain.Placements.Placement> WholePlacements => Placements.Include(p => p.Entries).Include(p => p.Preferences).AsSplitQuery();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Convention 9: enums are stored as their names, readable in the database and stable
        // when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Saves the unit of work; when another writer changed one of its rows first (optimistic
    /// concurrency), forgets it and refuses with <paramref name="changedMeanwhile"/>, so nothing is
    /// half-written and the person is told to look again.
    /// </summary>
    public async Task SaveOrRefuseAsync(Func<StepRefusedException> changedMeanwhile, CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            throw changedMeanwhile();
        }
    }

    public DbSet<OpenSend.Data.Dashboard.KeptCount> KeptCounts => Set<OpenSend.Data.Dashboard.KeptCount>();

    public DbSet<OpenSend.Data.Dashboard.Counting> Countings => Set<OpenSend.Data.Dashboard.Counting>();

    public DbSet<OpenSend.Data.Dashboard.RecordChange> RecordChanges => Set<OpenSend.Data.Dashboard.RecordChange>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        NoteRecordChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        NoteRecordChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The namespaces whose records the live counts are made from (the SEN2 return's sources).</summary>
    private static readonly string[] CountedNamespaces =
        ["OpenSend.Domain.Assessments", "OpenSend.Domain.Plans", "OpenSend.Domain.Reviews", "OpenSend.Domain.Placements", "OpenSend.Domain.Advice", "OpenSend.Domain.Redress"];

    /// <summary>
    /// Notes, in the same save, which LAs' case records this save changes, so the dashboard knows
    /// whose kept counts are out of date. Every write goes through here, so no service can forget
    /// it. The LAs are those of every case record the unit of work holds (a plan version carries no
    /// LA code, but its case does); a change to a setting, which every LA may name, is noted for all
    /// as well.
    /// Reads (a save adding only audit records) note nothing.
    /// </summary>
    private void NoteRecordChanges()
    {
        var entries = ChangeTracker.Entries().ToList();
        var changed = entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Metadata.ClrType.Namespace is { } ns && CountedNamespaces.Contains(ns)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        // A setting's LA code is where it is, not whose child's record it is. The case records' LAs are
        // noted even when a setting changes in the same save: the caseload's snapshots watch an LA's own mark.
        var las = entries.Where(e => e.State != EntityState.Detached && e.Entity is not (OpenSend.Data.Dashboard.RecordChange or OpenSend.Domain.Placements.Setting)
                && e.Metadata.FindProperty("LaCode") is not null)
            .Select(e => e.Property("LaCode").CurrentValue as string).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (las.Count == 0 || changed.Any(e => e.Entity is OpenSend.Domain.Placements.Setting))
        {
            las.Add(OpenSend.Data.Dashboard.RecordChange.EveryLa);
        }

        foreach (var la in las)
        {
            RecordChanges.Add(new OpenSend.Data.Dashboard.RecordChange(la));
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpenSendDbContext).Assembly);
}

/// <summary>The next reference number per LA and year ("999-2026-00042").</summary>
public sealed class ReferenceCounter
{
    public string LaCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public int LastValue { get; set; }
}

/// <summary>ASP.NET Core Data Protection keys, shared by every instance of the web app.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string? Xml { get; set; }
}
