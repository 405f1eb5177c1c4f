using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Common;

namespace PtceFunding.Infrastructure.Persistence;

internal sealed class UnitOfWork(PtceDbContext db, OperationContext current) : IUnitOfWork
{
    public async Task<TResponse> InTransaction<TResponse>(string operation, Func<Task<TResponse>> work, CancellationToken cancellationToken)
        where TResponse : IResult, IResultFactory<TResponse>
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another command joins its transaction.
            return await work().ConfigureAwait(false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        current.Name = operation;
        try
        {
            var result = await work().ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
        }
    }
}
