using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Domain.Tests.Pipeline;

/// <summary>The mediator as registered by AddApplication, around requests defined here.</summary>
public sealed class PipelineTests
{
    private readonly Journal _journal = new();

    [Fact]
    public async Task A_command_goes_through_logging_validation_authorization_and_transaction_in_that_order()
    {
        var result = await Send(new RecordThing("ok"));

        Assert.True(result.IsSuccess);
        Assert.Equal(["validate", "authorize", "transaction:RecordThing", "handle", "commit", "log:RecordThing succeeded"], _journal.Steps);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_field_errors_before_authorization()
    {
        var result = await Send(new RecordThing(""));

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(["Le nom est obligatoire."], result.Error.FieldErrors["Name"]);
        Assert.Equal(["validate", "log:RecordThing refused with validation"], _journal.Steps);
    }

    [Fact]
    public async Task A_refused_authorization_stops_before_the_transaction()
    {
        var result = await Send(new RecordThing("forbidden"));

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal(["validate", "authorize", "log:RecordThing refused with auth.forbidden"], _journal.Steps);
    }

    [Fact]
    public async Task A_failed_command_is_rolled_back()
    {
        var result = await Send(new RecordThing("rule"));

        Assert.Equal("thing.rule", result.Error!.Code);
        Assert.Equal(["validate", "authorize", "transaction:RecordThing", "handle", "rollback", "log:RecordThing refused with thing.rule"], _journal.Steps);
    }

    [Fact]
    public async Task A_query_runs_without_a_transaction()
    {
        var result = await Sender().Send(new ReadThing());

        Assert.Equal(42, result.Value);
        Assert.Equal(["authorize", "handle", "log:ReadThing succeeded"], _journal.Steps);
    }

    [Fact]
    public async Task A_request_without_an_authorizer_is_a_programming_error_not_an_implicit_allow()
    {
        var sender = Sender();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.Send(new UnguardedThing()));
        Assert.Contains("no authorizer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("handle", _journal.Steps);
    }

    [Fact]
    public async Task An_exception_in_the_handler_is_logged_and_propagates()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Send(new RecordThing("throw")));

        Assert.Equal(["validate", "authorize", "transaction:RecordThing", "handle", "rollback", "log:RecordThing failed"], _journal.Steps);
    }

    private Task<Result> Send(RecordThing command) => Sender().Send(command);

    private ISender Sender() => Services().CreateScope().ServiceProvider.GetRequiredService<ISender>();

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_journal);
        services.AddLogging(b => b.AddProvider(new JournalLoggerProvider(_journal)));
        services.AddApplication();
        services.AddScoped<IUnitOfWork, JournalUnitOfWork>();
        services.AddScoped<IRequestHandler<RecordThing, Result>, RecordThingHandler>();
        services.AddScoped<IValidator<RecordThing>, RecordThingValidator>();
        services.AddScoped<IAuthorizer<RecordThing>, RecordThingAuthorizer>();
        services.AddScoped<IRequestHandler<ReadThing, Result<int>>, ReadThingHandler>();
        services.AddScoped<IAuthorizer<ReadThing>, ReadThingAuthorizer>();
        services.AddScoped<IRequestHandler<UnguardedThing, Result>, UnguardedThingHandler>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public sealed class Journal
    {
        public List<string> Steps { get; } = [];
    }

    public sealed record RecordThing(string Name) : ICommand<Result>;

    public sealed record ReadThing : IQuery<Result<int>>;

    public sealed record UnguardedThing : ICommand<Result>;

    private sealed class RecordThingValidator : AbstractValidator<RecordThing>
    {
        public RecordThingValidator(Journal journal) => RuleFor(c => c.Name).Must(name =>
        {
            journal.Steps.Add("validate");
            return name.Length > 0;
        }).WithMessage("Le nom est obligatoire.");
    }

    private sealed class RecordThingAuthorizer(Journal journal) : IAuthorizer<RecordThing>
    {
        public Task<Result> Authorize(RecordThing request, CancellationToken cancellationToken)
        {
            journal.Steps.Add("authorize");
            return Task.FromResult(request.Name == "forbidden" ? Result.Failure(Authorization.NotAllowed) : Result.Success());
        }
    }

    private sealed class RecordThingHandler(Journal journal) : IRequestHandler<RecordThing, Result>
    {
        public Task<Result> Handle(RecordThing request, CancellationToken cancellationToken)
        {
            journal.Steps.Add("handle");
            return request.Name switch
            {
                "rule" => Task.FromResult<Result>(Error.RuleBroken("thing.rule", "Règle")),
                "throw" => throw new TimeoutException(),
                _ => Task.FromResult(Result.Success()),
            };
        }
    }

    private sealed class ReadThingAuthorizer(Journal journal) : IAuthorizer<ReadThing>
    {
        public Task<Result> Authorize(ReadThing request, CancellationToken cancellationToken)
        {
            journal.Steps.Add("authorize");
            return Task.FromResult(Result.Success());
        }
    }

    private sealed class ReadThingHandler(Journal journal) : IRequestHandler<ReadThing, Result<int>>
    {
        public Task<Result<int>> Handle(ReadThing request, CancellationToken cancellationToken)
        {
            journal.Steps.Add("handle");
            return Task.FromResult<Result<int>>(42);
        }
    }

    private sealed class UnguardedThingHandler(Journal journal) : IRequestHandler<UnguardedThing, Result>
    {
        public Task<Result> Handle(UnguardedThing request, CancellationToken cancellationToken)
        {
            journal.Steps.Add("handle");
            return Task.FromResult(Result.Success());
        }
    }

    private sealed class JournalUnitOfWork(Journal journal) : IUnitOfWork
    {
        public async Task<TResponse> InTransaction<TResponse>(string operation, Func<Task<TResponse>> work, CancellationToken cancellationToken)
            where TResponse : IResult, IResultFactory<TResponse>
        {
            journal.Steps.Add($"transaction:{operation}");
            try
            {
                var result = await work();
                journal.Steps.Add(result.IsSuccess ? "commit" : "rollback");
                return result;
            }
            catch
            {
                journal.Steps.Add("rollback");
                throw;
            }
        }

        public void OnCommitted(Func<Task> action) => journal.Steps.Add("on-committed");

        public void OnRolledBack(Func<Task> action) => journal.Steps.Add("on-rolled-back");
    }

    private sealed class JournalLoggerProvider(Journal journal) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new JournalLogger(journal, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class JournalLogger(Journal journal, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category.Contains("LoggingBehavior", StringComparison.Ordinal))
            {
                // "RecordThing succeeded in 0.1 ms" → "log:RecordThing succeeded"
                var message = formatter(state, exception);
                var end = message.IndexOf(" in ", StringComparison.Ordinal) is var i and >= 0 ? i : message.IndexOf(" after ", StringComparison.Ordinal);
                journal.Steps.Add("log:" + message[..end]);
            }
        }
    }
}
