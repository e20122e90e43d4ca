using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Generation;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Common;
using Spectre.Console;

namespace OpenSend.Cli.Generation;

public static class GenerateCommands
{
    public static Command Generate(CliHost host)
    {
        var scale = new Option<double>("--scale") { Description = "The fraction of England's published volumes: 1 is all of England (about 155,000 requests a year), 0.01 is for tests.", Required = true };
        var years = new Option<int>("--years") { Description = "How many of the latest published years of requests to generate (1 to 10).", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same cases.", DefaultValueFactory = _ => 42 };
        var la = new Option<string[]>("--la") { Description = "Only these LAs (DfE 3-digit codes, e.g. --la 886 --la 938); all of England if left out.", AllowMultipleArgumentsPerToken = true };
        var statistics = new Option<string?>("--statistics") { Description = $"The DfE 'Education, health and care plans' release (zip); by default {PublishedStatistics.DefaultRelativePath} beside the current directory or a parent." };
        var batch = new Option<int>("--batch-size") { Description = "Cases written per transaction.", DefaultValueFactory = _ => BulkLoader.DefaultBatchSize };
        var generate = new Command("generate", "Create synthetic EHC needs assessments for every LA, calibrated per LA from the DfE's published statistics, and bulk-load them. Each LA's earlier generated cases are replaced; cases entered through the service are not touched.")
        {
            scale, years, seed, la, statistics, batch,
        };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            Require(parse.GetValue(scale) is > 0 and <= 1, "--scale must be more than 0 and at most 1 (1 is all of England).");
            Require(parse.GetValue(years) is >= 1 and <= 10, "--years must be from 1 to 10.");
            Require(parse.GetValue(batch) is >= 1 and <= 100_000, "--batch-size must be from 1 to 100,000.");
            var path = PublishedStatistics.Locate(parse.GetValue(statistics))
                ?? throw new FileNotFoundException(parse.GetValue(statistics) is { } given
                    ? $"There is no statistics release at {given}."
                    : $"The DfE statistics release was not found at {PublishedStatistics.DefaultRelativePath} beside this directory or a parent; give its path with --statistics.");
            var published = PublishedStatistics.Load(path);
            var options = new GenerationOptions(parse.GetValue(scale), parse.GetValue(years), parse.GetValue(seed));
            var generator = new NationalDataGenerator(published, options, UkCalendar.Today(host.Time));
            await host.Output.WriteLineAsync($"Statistics: {Path.GetFileName(path)}, requests received in {string.Join(", ", generator.PublishedYears)} and since, to today, with plans in force made before them; scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, seed {options.Seed}.");

            await using var scope = await host.OpenAsync(cancellationToken);
            var load = new NationalDataLoad(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>());
            var clock = Stopwatch.StartNew();
            GenerationSummary summary = default!;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Generating");
                summary = await load.RunAsync(generator, parse.GetValue(la), new SynchronousProgress<GenerationProgress>(p =>
                {
                    task.MaxValue = p.LasTotal;
                    task.Value = p.LasDone;
                    task.Description = $"{p.LaName} ({p.LaCode}): {p.CasesWritten:N0} cases";
                }), parse.GetValue(batch), cancellationToken);
            });
            clock.Stop();
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {summary.CasesWritten:N0} EHC needs assessments ({summary.RowsWritten:N0} rows) for {summary.LocalAuthorities} LAs in {clock.Elapsed.TotalSeconds:N1} s, replacing {summary.CasesRemoved:N0} generated earlier. Peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB."));
            return 0;
        });
        return generate;
    }

    private static void Require(bool valid, string message)
    {
        if (!valid)
        {
            throw new ArgumentException(message);
        }
    }
}
