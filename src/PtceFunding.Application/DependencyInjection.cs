using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Pipeline;

namespace PtceFunding.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the mediator (source-generated, docs/adr/0004), the pipeline in its one order
    /// (logging → authorization → validation → transaction and audit), every handler and validator.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });
        services.AddScoped<OperationContext>();
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDomainEventSubscriber))))
        {
            services.AddScoped(typeof(IDomainEventSubscriber), handler);
        }

        services.AddOptions<Notifications.NotificationOptions>().BindConfiguration(Notifications.NotificationOptions.Section);
        services.AddOptions<Documents.DocumentOptions>().BindConfiguration(Documents.DocumentOptions.Section);
        services.AddScoped<Documents.DocumentIntake>();
        // Swapped for the reviewers' scores (ReviewScores.AverageFor) once reviewer assignments exist.
        services.AddScoped<Committee.IApplicationScores, Committee.ReviewerScores>();

        services.AddValidators();
        return services;
    }

    /// <summary>The request types of this assembly, for the tests that check each is wired.</summary>
    public static IEnumerable<Type> RequestTypes() =>
        typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(IsRequest));

    private static bool IsRequest(Type i) => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(Messaging.ICommand<>) || i.GetGenericTypeDefinition() == typeof(Messaging.IQuery<>));

    private static void AddValidators(this IServiceCollection services)
    {
        // FluentValidation.DependencyInjectionExtensions is not served here (docs/adr/0005): scan ourselves.
        foreach (var type in Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
