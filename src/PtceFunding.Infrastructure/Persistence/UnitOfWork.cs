using Microsoft.Extensions.Logging;

namespace PtceFunding.Infrastructure.Persistence;

internal sealed partial class UnitOfWork(PtceDbContext db, OperationContext current, Jobs.DeliverySoon delivery, ILogger<UnitOfWork> logger) : IUnitOfWork
{
    private readonly List<Func<Task>> _committed = [];
    private readonly List<Func<Task>> _rolledBack = [];

    public void OnCommitted(Func<Task> action) => _committed.Add(action);

    public void OnRolledBack(Func<Task> action) => _rolledBack.Add(action);

    public async Task<TResponse> InTransaction<TResponse>(string operation, Func<Task<TResponse>> work, CancellationToken cancellationToken)
        where TResponse : IResult, IResultFactory<TResponse>
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another command joins its transaction (and its after-commit work).
            return await work().ConfigureAwait(false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        current.Name = operation;
        db.WroteEmails = false;
        var committed = false;
        try
        {
            var result = await work().ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                committed = true;
                if (db.WroteEmails)
                {
                    delivery.Queue();
                }
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }

            return result;
        }
        catch (DbUpdateException exception) when (DatabaseProviderSetup.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return TResponse.Failure(Error.Conflict("conflict.duplicate", "Cette opération vient d'être faite par une autre requête : rechargez la page."));
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            current.Name = null;
            await RunAfterwards(operation, committed ? _committed : _rolledBack).ConfigureAwait(false);
            _committed.Clear();
            _rolledBack.Clear();
        }
    }

    private async Task RunAfterwards(string operation, List<Func<Task>> actions)
    {
        foreach (var action in actions)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The transaction is settled: a failure here leaves an orphan file, not a failed request.
                LogAfterTransactionFailed(logger, exception, operation);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after the transaction of {Operation} failed")]
    private static partial void LogAfterTransactionFailed(ILogger logger, Exception exception, string operation);
}
