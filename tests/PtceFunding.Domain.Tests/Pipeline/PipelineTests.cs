using FluentValidation;
using Microsoft.Extensions.Logging.Abstractions;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Pipeline;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;

namespace PtceFunding.Domain.Tests.Pipeline;

/// <summary>
/// Each step of the pipeline around requests defined here; their order through the generated
/// mediator is proven end to end by the integration tests (PipelineOrderTests).
/// </summary>
public sealed class PipelineTests
{
    private readonly List<string> _steps = [];

    [Fact]
    public async Task A_caller_outside_the_declared_audience_is_refused_before_the_rest_of_the_pipeline()
    {
        var behavior = new AuthorizationBehavior<RecordThing, Result>(User.WithRole(Roles.Applicant));

        var result = await behavior.Handle(new RecordThing("ok"), Next, CancellationToken.None);

        Assert.Equal("auth.forbidden", result.Error!.Code);
        Assert.Empty(_steps);
    }

    [Fact]
    public async Task An_anonymous_caller_is_asked_to_sign_in()
    {
        var behavior = new AuthorizationBehavior<RecordThing, Result>(User.Anonymous);

        var result = await behavior.Handle(new RecordThing("ok"), Next, CancellationToken.None);

        Assert.Equal(ErrorKind.Unauthorized, result.Error!.Kind);
    }

    [Fact]
    public async Task A_caller_in_the_declared_audience_goes_on()
    {
        var behavior = new AuthorizationBehavior<RecordThing, Result>(User.WithRole(Roles.Administrator));

        var result = await behavior.Handle(new RecordThing("ok"), Next, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(["next"], _steps);
    }

    [Fact]
    public async Task A_request_without_a_declaration_is_a_programming_error_not_an_implicit_allow()
    {
        var behavior = new AuthorizationBehavior<UndeclaredThing, Result>(User.WithRole(Roles.Administrator));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await behavior.Handle(new UndeclaredThing(), (_, _) => Next(default!, default), CancellationToken.None));

        Assert.Contains("declares no audience", error.Message, StringComparison.Ordinal);
        Assert.Empty(_steps);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_field_errors_and_goes_no_further()
    {
        var behavior = new ValidationBehavior<RecordThing, Result>([new RecordThingValidator()]);

        var result = await behavior.Handle(new RecordThing(""), Next, CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["Le nom est obligatoire."], result.Error.FieldErrors["Name"]);
        Assert.Empty(_steps);
    }

    [Fact]
    public async Task A_command_runs_in_a_transaction_that_dispatches_its_domain_events_and_commits_on_success_and_rolls_back_on_a_refusal()
    {
        var unitOfWork = new JournalUnitOfWork(_steps);
        var behavior = new TransactionBehavior<RecordThing, Result>(unitOfWork, new OperationContext(), new JournalEvents(_steps));

        await behavior.Handle(new RecordThing("ok"), Next, CancellationToken.None);
        await behavior.Handle(new RecordThing("rule"), Next, CancellationToken.None);

        Assert.Equal(["transaction:RecordThing", "next", "domain events", "commit", "transaction:RecordThing", "next", "rollback"], _steps);
    }

    [Fact]
    public async Task An_exception_rolls_back_and_propagates_through_the_log()
    {
        var logging = new LoggingBehavior<RecordThing, Result>(NullLogger<LoggingBehavior<RecordThing, Result>>.Instance);
        var transaction = new TransactionBehavior<RecordThing, Result>(new JournalUnitOfWork(_steps), new OperationContext(), new JournalEvents(_steps));

        await Assert.ThrowsAsync<TimeoutException>(async () =>
            await logging.Handle(new RecordThing("throw"), (m, ct) => transaction.Handle(m, Next, ct), CancellationToken.None));

        Assert.Equal(["transaction:RecordThing", "next", "rollback"], _steps);
    }

    private ValueTask<Result> Next(RecordThing message, CancellationToken cancellationToken)
    {
        _steps.Add("next");
        return message?.Name switch
        {
            "rule" => ValueTask.FromResult<Result>(Error.RuleBroken("thing.rule", "Règle")),
            "throw" => throw new TimeoutException(),
            _ => ValueTask.FromResult(Result.Success()),
        };
    }

    [Allow(Audience.Administrators)]
    public sealed record RecordThing(string Name) : Application.Messaging.ICommand<Result>;

    public sealed record UndeclaredThing : Application.Messaging.ICommand<Result>;

    private sealed class RecordThingValidator : AbstractValidator<RecordThing>
    {
        public RecordThingValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom est obligatoire.");
    }

    private sealed class User(bool authenticated, params string[] roles) : ICurrentUser
    {
        public static User Anonymous => new(false);

        public static User WithRole(string role) => new(true, role);

        public Guid? UserId => authenticated ? Guid.Empty : null;

        public string? UserName => null;

        public bool IsAuthenticated => authenticated;

        public bool IsSystem => false;

        public FunderId? FunderId => null;

        public Territory Territory => Territory.National;

        public string? CorrelationId => null;

        public bool IsInRole(string role) => roles.Contains(role);
    }

    private sealed class JournalEvents(List<string> steps) : IDomainEventDispatcher
    {
        public Task DispatchPending(CancellationToken cancellationToken)
        {
            steps.Add("domain events");
            return Task.CompletedTask;
        }
    }

    private sealed class JournalUnitOfWork(List<string> steps) : IUnitOfWork
    {
        public async Task<TResponse> InTransaction<TResponse>(string operation, Func<Task<TResponse>> work, CancellationToken cancellationToken)
            where TResponse : IResult, IResultFactory<TResponse>
        {
            steps.Add($"transaction:{operation}");
            try
            {
                var result = await work();
                steps.Add(result.IsSuccess ? "commit" : "rollback");
                return result;
            }
            catch
            {
                steps.Add("rollback");
                throw;
            }
        }

        public void OnCommitted(Func<Task> action) => steps.Add("on-committed");

        public void OnRolledBack(Func<Task> action) => steps.Add("on-rolled-back");
    }
}
