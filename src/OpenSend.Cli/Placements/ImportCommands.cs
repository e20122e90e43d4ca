using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Data.Generation;
using OpenSend.Data.Placements;
using Spectre.Console;

namespace OpenSend.Cli.Placements;

/// <summary>`opensend import ...`: load outside data the service uses, with progress and a summary of what was loaded.</summary>
public static class ImportCommands
{
    public static Command Import(CliHost host)
    {
        var import = new Command("import", "Load outside data: the settings register from GIAS, the DfE's published statistics, the dashboard's external measures and statistical neighbours, and another directory's local offer (Open Referral UK).");
        import.Subcommands.Add(Gias(host));
        import.Subcommands.Add(Statistics(host));
        import.Subcommands.Add(ExternalMeasures(host));
        import.Subcommands.Add(Neighbours(host));
        import.Subcommands.Add(OpenReferral(host));
        return import;
    }

    private static Command OpenReferral(CliHost host)
    {
        var source = new Argument<string>("url-or-file") { Description = "An Open Referral UK 3.0 API's base address (https://.../openreferral), or a JSON file of one full service, a list of them, or a page of them." };
        var la = new Option<string>("--la") { Description = "The local authority (DfE 3-digit code) whose local offer the services join.", Required = true };
        var oruk = new Command("oruk", "Load services from another Open Referral UK 3.0 directory into an LA's local offer. Services, organisations and taxonomy terms keep their ids, so loading again updates them; a service that fails the checks is reported with its reason and the rest still load.")
        {
            source,
            la,
        };
        oruk.SetAction(async (parse, cancellationToken) =>
        {
            var from = parse.GetValue(source)!;
            await using var scope = await host.OpenAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<OpenSend.Data.Partnerships.OpenReferralImport>();
            OpenSend.Data.Partnerships.OpenReferralImportSummary summary = default!;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Loading services");
                summary = await importer.RunAsync(parse.GetValue(la)!, from, new SynchronousProgress<OpenSend.Data.Partnerships.OpenReferralImportProgress>(p =>
                {
                    task.MaxValue = p.Total ?? p.Read;
                    task.Value = p.Read;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Loading services: {p.Read:N0}");
                }), cancellationToken: cancellationToken);
            });
            foreach (var rejection in summary.Rejected)
            {
                await host.Output.WriteLineAsync($"rejected {rejection.Service}: {rejection.Reason}");
            }

            await host.Output.WriteLineAsync(summary.Line);
            return 0;
        });
        return oruk;
    }

    private static Command ExternalMeasures(CliHost host)
    {
        var file = new Argument<FileInfo>("csv") { Description = "A CSV of figures: measure_id,area_code,year,numerator,denominator,value,source (docs/dashboard-data.md)." };
        var measures = new Command("measures", "Load figures for the dashboard's measures whose source is outside OpenSEND (attainment, absence, exclusions, destinations, health waiting times, high-needs spend). A figure for the same measure, area and year replaces the one loaded before.")
        {
            file,
        };
        measures.SetAction(async (parse, cancellationToken) =>
        {
            var path = Existing(parse.GetValue(file)!);
            await using var scope = await host.OpenAsync(cancellationToken);
            var summary = await scope.ServiceProvider.GetRequiredService<ExternalFiguresImport>().RunAsync(path.FullName, cancellationToken);
            await WriteRejectedAsync(host, summary.Rejected);
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"rows read: {summary.Rows}, loaded: {summary.Loaded}, replaced: {summary.Replaced}, rejected: {summary.Rejected.Count}"));
            return 0;
        });
        return measures;
    }

    private static Command Neighbours(CliHost host)
    {
        var file = new Argument<FileInfo>("csv") { Description = "The DfE's statistical neighbours as CSV: la_code,neighbour_code,rank,source (docs/dashboard-data.md)." };
        var neighbours = new Command("neighbours", "Load each LA's ten statistical neighbours (the DfE's list), which the dashboard averages beside the LA. Each LA in the file has its list replaced.")
        {
            file,
        };
        neighbours.SetAction(async (parse, cancellationToken) =>
        {
            var path = Existing(parse.GetValue(file)!);
            await using var scope = await host.OpenAsync(cancellationToken);
            var summary = await scope.ServiceProvider.GetRequiredService<StatisticalNeighboursImport>().RunAsync(path.FullName, cancellationToken);
            await WriteRejectedAsync(host, summary.Rejected);
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"neighbours loaded: {summary.Rows} for {summary.Las} local authorities, rejected: {summary.Rejected.Count}"));
            return 0;
        });
        return neighbours;
    }

    private static FileInfo Existing(FileInfo path) =>
        path.Exists ? path : throw new FileNotFoundException($"There is no file at {path.FullName}.");

    private static async Task WriteRejectedAsync(CliHost host, IReadOnlyList<ExternalRejection> rejected)
    {
        foreach (var rejection in rejected)
        {
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rejected line {rejection.Line}: {rejection.Reason}"));
        }
    }

    private static Command Statistics(CliHost host)
    {
        var file = new Argument<FileInfo>("zip") { Description = "The DfE's Education, health and care plans release, as downloaded (for example ../shared/data/ehc-plans-statistics-2025.zip)." };
        var statistics = new Command("statistics", "Load the DfE's published Education, health and care plans statistics (national, regional and LA rows; suppressed cells kept as suppressed). A later release replaces what it republishes.")
        {
            file,
        };
        statistics.SetAction(async (parse, cancellationToken) =>
        {
            var path = Existing(parse.GetValue(file)!);

            await using var scope = await host.OpenAsync(cancellationToken);
            var importer = new OpenSend.Data.Statistics.StatisticsImport(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>());
            var clock = Stopwatch.StartNew();
            OpenSend.Data.Statistics.StatisticsImportSummary summary = default!;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing statistics");
                summary = await importer.RunAsync(path.FullName, new SynchronousProgress<OpenSend.Data.Statistics.StatisticsImportProgress>(p =>
                {
                    task.MaxValue = p.TablesTotal;
                    task.Value = p.TablesDone;
                    task.Description = $"Importing statistics: {p.Table}";
                }), cancellationToken);
            });
            clock.Stop();
            foreach (var table in summary.Tables)
            {
                await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {table.Table}: {table.Rows:N0} rows, {table.FirstYear} to {table.LastYear} ({table.Inserted:N0} new, {table.Updated:N0} updated, {table.Unchanged:N0} unchanged; {table.Suppressed:N0} suppressed cells)"));
            }

            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{summary.Line} ({clock.Elapsed.TotalSeconds:N1} s)."));
            return 0;
        });
        return statistics;
    }

    private static Command Gias(CliHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "GIAS's all establishment data CSV (edubasealldataYYYYMMDD.csv), as downloaded (Windows-1252)." };
        var gias = new Command("gias", "Import or refresh the settings register from Get Information About Schools. Rows are matched by URN: new ones are added, changed ones updated, closures and academy conversions recorded; a row that cannot be read is reported and skipped.")
        {
            file,
        };
        gias.SetAction(async (parse, cancellationToken) =>
        {
            var path = Existing(parse.GetValue(file)!);

            await using var scope = await host.OpenAsync(cancellationToken);
            var importer = new GiasImport(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>(), host.Time);
            var clock = Stopwatch.StartNew();
            GiasImportSummary summary = default!;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing GIAS");
                task.MaxValue = path.Length;
                summary = await importer.RunAsync(path.FullName, new SynchronousProgress<GiasImportProgress>(p =>
                {
                    task.Value = p.BytesRead;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Importing GIAS: {p.RowsRead:N0} rows");
                }), cancellationToken);
            });
            clock.Stop();
            foreach (var rejection in summary.Rejected)
            {
                await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rejected row {rejection.Row}{(rejection.Urn is null ? "" : $" (URN {rejection.Urn})")}: {rejection.Reason}"));
            }

            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Read {path.Name} as {summary.Encoding} in {clock.Elapsed.TotalSeconds:N1} s."));
            await host.Output.WriteLineAsync(summary.Line);
            return 0;
        });
        return gias;
    }
}
