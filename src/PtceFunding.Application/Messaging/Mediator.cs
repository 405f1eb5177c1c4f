using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Messaging;

/// <summary>
/// Resolves the handler of a request and wraps it in the registered behaviours, the first
/// registered being the outermost (see <see cref="DependencyInjection.AddApplication"/>).
/// </summary>
internal sealed class Mediator(IServiceProvider services) : ISender
{
    private static readonly ConcurrentDictionary<(Type Request, Type Response), Dispatcher> Dispatchers = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : IResult, IResultFactory<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispatcher = Dispatchers.GetOrAdd(
            (request.GetType(), typeof(TResponse)),
            static key => (Dispatcher)Activator.CreateInstance(typeof(Dispatcher<,>).MakeGenericType(key.Request, key.Response))!);
        return ((Dispatcher<TResponse>)dispatcher).Dispatch(request, services, cancellationToken);
    }

    private abstract class Dispatcher;

    private abstract class Dispatcher<TResponse> : Dispatcher
        where TResponse : IResult, IResultFactory<TResponse>
    {
        public abstract Task<TResponse> Dispatch(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken);
    }

    private sealed class Dispatcher<TRequest, TResponse> : Dispatcher<TResponse>
        where TRequest : IRequest<TResponse>
        where TResponse : IResult, IResultFactory<TResponse>
    {
        public override Task<TResponse> Dispatch(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken)
        {
            var typed = (TRequest)request;
            var handler = services.GetService<IRequestHandler<TRequest, TResponse>>()
                ?? throw new InvalidOperationException($"No handler is registered for {typeof(TRequest).Name}.");

            NextStep<TResponse> next = () => handler.Handle(typed, cancellationToken);
            foreach (var behavior in services.GetServices<IPipelineBehavior<TRequest, TResponse>>().Reverse())
            {
                var inner = next;
                next = () => behavior.Handle(typed, inner, cancellationToken);
            }

            return next();
        }
    }
}
