using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Identity;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Cli.Identity;

/// <summary>Creates organisations and their first administrators; from then on administrators manage their own staff in the web app.</summary>
public static class AdminCommands
{
    public static Command Admin(CliHost host)
    {
        var admin = new Command("admin", "Set up organisations and their first administrators.");
        admin.Subcommands.Add(AddOrganisation(host));
        admin.Subcommands.Add(AddStaff(host));
        return admin;
    }

    private static Command AddOrganisation(CliHost host)
    {
        var kind = CliHost.Required<OrganisationKind>("--kind", "LocalAuthority, Setting, IntegratedCareBoard, SocialCare, MultiAgencyPanel, MediationService or DepartmentForEducation.");
        var code = CliHost.Required<string>("--code", "Its identifier: the LA code, URN or UKPRN, or the ICB's code.");
        var name = CliHost.Required<string>("--name", "Its name.");
        var la = new Option<string?>("--la") { Description = "The 3-digit code of the local authority area it belongs to (for an LA, its own code)." };
        var command = new Command("add-organisation", "Add an organisation.") { kind, code, name, la };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var organisation = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
                .AddOrganisationAsync(parse.GetValue(kind), parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(la), cancellationToken);
            await host.Output.WriteLineAsync($"Added {organisation.Name} ({organisation.Kind} {organisation.Code}).");
            return 0;
        });
        return command;
    }

    private static Command AddStaff(CliHost host)
    {
        var organisationCode = CliHost.Required<string>("--organisation", "The organisation's code.");
        var kind = CliHost.Required<OrganisationKind>("--kind", "The organisation's kind.");
        var email = CliHost.Required<string>("--email", "Their work email address.");
        var name = CliHost.Required<string>("--name", "Their full name.");
        var role = CliHost.Required<Role>("--role", "Their role, e.g. Administrator, LaCaseworker, LaSendManager, Senco.");
        var command = new Command("add-staff", "Give a person a role in an organisation and print the link to set their password.") { organisationCode, kind, email, name, role };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
            var code = parse.GetValue(organisationCode);
            var organisationKind = parse.GetValue(kind);
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.Kind == organisationKind, cancellationToken)
                ?? throw new InvalidOperationException($"No {organisationKind} has the code {code}. Add it first with `opensend admin add-organisation`.");
            var context = new RequestContext(Actor.System, Viewer.Public, null);
            var token = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>()
                .AddStaffAsync(context, organisation.Id, parse.GetValue(name)!, parse.GetValue(email)!, parse.GetValue(role), cancellationToken);
            var address = scope.ServiceProvider.GetRequiredService<ServiceAddress>();
            await host.Output.WriteLineAsync(token is null
                ? $"Added {parse.GetValue(name)} to {organisation.Name}; they already have an account."
                : $"Added {parse.GetValue(name)} to {organisation.Name}. Their link to set a password (valid 7 days): {address.Link($"/account/set-password?token={token}")}");
            return 0;
        });
        return command;
    }
}
