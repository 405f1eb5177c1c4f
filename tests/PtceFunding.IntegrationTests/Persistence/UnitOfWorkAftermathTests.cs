using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Common;

namespace PtceFunding.IntegrationTests.Persistence;

/// <summary>Work outside the database (files) registered by a command runs after its transaction, according to its outcome.</summary>
public sealed class UnitOfWorkAftermathTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Theory]
    [InlineData(true, "committed")]
    [InlineData(false, "rolled back")]
    public async Task Only_the_work_for_the_outcome_runs_and_only_after_the_transaction(bool succeed, string expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var ran = new List<string>();

        await unitOfWork.InTransaction("Test", () =>
        {
            unitOfWork.OnCommitted(() => Record(ran, "committed"));
            unitOfWork.OnRolledBack(() => Record(ran, "rolled back"));
            Assert.Empty(ran);
            return Task.FromResult(succeed ? Result.Success() : Result.Failure(Error.RuleBroken("test.refused", "Refusé.")));
        }, CancellationToken.None);

        Assert.Equal([expected], ran);
    }

    [Fact]
    public async Task A_command_that_throws_undoes_its_outside_work_and_a_failing_undo_does_not_hide_the_exception()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var ran = new List<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => unitOfWork.InTransaction<Result>("Test", () =>
        {
            unitOfWork.OnRolledBack(() => throw new IOException("disque plein"));
            unitOfWork.OnRolledBack(() => Record(ran, "rolled back"));
            throw new InvalidOperationException("boom");
        }, CancellationToken.None));

        Assert.Equal(["rolled back"], ran);
    }

    private static Task Record(List<string> ran, string what)
    {
        ran.Add(what);
        return Task.CompletedTask;
    }
}
