using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Advice;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Demo;
using OpenSend.Data.Documents;
using OpenSend.Data.Identity;
using OpenSend.Data.Journeys;
using OpenSend.Data.Notifications;
using OpenSend.Data.Placements;
using OpenSend.Data.Plans;
using OpenSend.Data.Retention;
using OpenSend.Data.Reviews;

namespace OpenSend.Data.Database;

/// <summary>
/// The application services every page, endpoint and command writes and reads through, one list
/// for the web app, the command line and the tests. Each host adds its own settings (time, the
/// service's address, password hashing, document storage, retention policy, secret protection).
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddOpenSendServices(this IServiceCollection services) => services
        .AddScoped<CaseSteps>()
        .AddScoped<AssessmentCases>()
        .AddScoped<DecisionLetters>()
        .AddScoped<PlanReviews>()
        .AddScoped<EarlyReviews>()
        .AddScoped<OpenSend.Data.Redress.RedressRecording>()
        .AddScoped<OpenSend.Data.Redress.RedressQueries>()
        .AddScoped<OpenSend.Data.Partnerships.LocalOfferRecording>()
        .AddScoped<OpenSend.Data.Partnerships.LocalOfferQueries>()
        .AddScoped<OpenSend.Data.Partnerships.OpenReferralImport>()
        .AddScoped<OpenSend.Data.Partnerships.RuleSetAdoptions>()
        .AddScoped<ReviewQueries>()
        .AddScoped<ReviewScheduling>()
        .AddScoped<AssessmentQueries>()
        .AddSingleton<CaseloadSnapshots>()
        .AddScoped<CaseNotifications>()
        .AddScoped<CaseLinks>()
        .AddScoped<PeopleDirectory>()
        .AddScoped<StaffSignIn>()
        .AddSingleton<SignInBackOff>()
        .AddScoped<FamilySignIn>()
        .AddScoped<AuditChain>()
        .AddAuditKeyIfMissing()
        .AddScoped<AuditSearch>()
        .AddScoped<OutboxDispatcher>()
        .AddScoped<SubjectAccessExport>()
        .AddScoped<RetentionSweep>()
        .AddScoped<FormJourneyStore>()
        .AddScoped<DemoData>()
        .AddScoped<PlanDrafting>()
        .AddScoped<AdviceGiving>()
        .AddScoped<PlanTransfers>()
        .AddScoped<PlanQueries>()
        .AddScoped<PlanRepresentations>()
        .AddScoped<ProvisionDelivery>()
        .AddScoped<ProvisionDeliveryQueries>()
        .AddScoped<PlanDocuments>()
        .AddScoped<CaseDocuments>()
        .AddScoped<GiasImport>()
        .AddScoped<SettingsRegister>()
        .AddScoped<PlacementNaming>()
        .AddScoped<OpenSend.Data.Statistics.StatisticsImport>()
        .AddScoped<OpenSend.Data.Returns.Sen2Extract>()
        .AddScoped<OpenSend.Data.Returns.Sen2Returns>()
        .AddScoped<OpenSend.Data.Dashboard.DashboardData>()
        .AddScoped<OpenSend.Data.Dashboard.DashboardCounts>()
        .AddScoped<OpenSend.Data.Dashboard.DashboardQueries>()
        .AddScoped<OpenSend.Data.Dashboard.ExternalFiguresImport>()
        .AddScoped<OpenSend.Data.Dashboard.StatisticalNeighboursImport>();

    /// <summary>The development audit key unless the host registered the configured one (the web app and CLI do, from OpenSend:Audit:Key).</summary>
    private static IServiceCollection AddAuditKeyIfMissing(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(AuditKey)))
        {
            services.AddSingleton(AuditKey.Development);
        }

        return services;
    }
}
