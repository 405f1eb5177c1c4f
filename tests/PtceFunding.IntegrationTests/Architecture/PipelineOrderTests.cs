using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Funders;
using PtceFunding.Application.Jobs;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;

namespace PtceFunding.IntegrationTests.Architecture;

/// <summary>The generated mediator runs the steps in their one order: authorization before validation, then the transaction.</summary>
public sealed class PipelineOrderTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_sender_outside_the_declared_audience_learns_nothing_from_the_field_errors()
    {
        // Outside an HTTP request the actor is the platform itself, which is no administrator.
        var result = await Send(new CreateFunder(Guid.Empty, "", FunderKind.Region, null));

        Assert.False(result.IsSuccess);
        Assert.NotEqual(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal("auth.required", result.Error.Code);
        Assert.Empty(result.Error.FieldErrors);
    }

    [Fact]
    public async Task A_command_of_the_declared_audience_reaches_its_handler()
    {
        var result = await Send(new RecordHeartbeat());

        Assert.True(result.IsSuccess);
        Assert.Equal(Application.ClusterNode.Name, result.Value);
    }

    private async Task<TResponse> Send<TResponse>(Application.Messaging.ICommand<TResponse> command)
        where TResponse : IResult, IResultFactory<TResponse>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(command);
    }
}
