using System.Collections.Concurrent;
using Npgsql;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// One run of a job at a time in the whole cluster. On PostgreSQL a session-level advisory lock, held on a connection
/// of its own for the length of the run: a node killed mid-run loses its connection and so its lock at once (unlike
/// Hangfire's lock rows, which wait for a timeout). On the embedded default, one process: a semaphore per job.
/// </summary>
public sealed class JobLocks(DatabaseOptions database)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>The lock of <paramref name="job"/> if no run holds it, else <see langword="null"/>; disposing releases it.</summary>
    public async Task<IAsyncDisposable?> TryTake(string job, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            var semaphore = _local.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
            return await semaphore.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false)
                ? new Released(() =>
                {
                    semaphore.Release();
                    return ValueTask.CompletedTask;
                })
                : null;
        }

        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await Advisory(connection, "pg_try_advisory_lock", job, cancellationToken).ConfigureAwait(false))
            {
                return new Released(async () =>
                {
                    // Unlocked explicitly: a pooled connection keeps its session, and its locks, when it is closed.
                    await Advisory(connection, "pg_advisory_unlock", job, CancellationToken.None).ConfigureAwait(false);
                    await connection.DisposeAsync().ConfigureAwait(false);
                });
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static async Task<bool> Advisory(NpgsqlConnection connection, string function, string job, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(hashtextextended(@key, 0))", connection);
        command.Parameters.AddWithValue("key", "ptce-job:" + job);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private sealed class Released(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
