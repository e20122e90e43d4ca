using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Data.Journeys;

/// <summary>Reads and writes the state of multi-page forms (<see cref="FormJourney"/>).</summary>
public sealed class FormJourneyStore(OpenSendDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> StartAsync<TState>(string kind, TState state, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.FormJourneys.Add(new FormJourney(id, kind, JsonSerializer.Serialize(state, Json), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>The journey's answers, or null when it does not exist, is another kind, or has expired.</summary>
    public async Task<TState?> FindAsync<TState>(string kind, string? id, CancellationToken cancellationToken = default)
        where TState : class
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var journey = await db.FormJourneys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == kind, cancellationToken);
        return journey is null || journey.IsExpired(time.GetUtcNow()) ? null : JsonSerializer.Deserialize<TState>(journey.StateJson, Json);
    }

    public async Task SaveAsync<TState>(string kind, string id, TState state, string? laCode, CancellationToken cancellationToken = default)
    {
        var journey = await db.FormJourneys.SingleAsync(j => j.Id == id && j.Kind == kind, cancellationToken);
        journey.Update(JsonSerializer.Serialize(state, Json), laCode, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks a journey for deletion in the caller's unit of work (its answers have become a record).</summary>
    public async Task RemoveAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var journey = await db.FormJourneys.SingleOrDefaultAsync(j => j.Id == id && j.Kind == kind, cancellationToken);
        if (journey is not null)
        {
            db.FormJourneys.Remove(journey);
        }
    }

    /// <summary>Deletes unfinished journeys older than their lifetime: answers nobody submitted are not kept.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - FormJourney.Lifetime;
        return db.FormJourneys.Where(j => j.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
