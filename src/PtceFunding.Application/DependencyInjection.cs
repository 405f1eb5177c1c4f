using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Pipeline;

namespace PtceFunding.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the mediator, the pipeline in its one order (logging → validation →
    /// authorization → transaction) and every handler, validator and authorizer of this assembly.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ISender, Mediator>();
        services.AddScoped<OperationContext>();
        services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section);
        services.AddOptions<Notifications.NotificationOptions>().BindConfiguration(Notifications.NotificationOptions.Section);
        services.AddOptions<Documents.DocumentOptions>().BindConfiguration(Documents.DocumentOptions.Section);
        services.AddScoped<Documents.DocumentIntake>();
        // Swapped for the reviewers' scores (ReviewScores.AverageFor) once reviewer assignments exist.
        services.AddScoped<Committee.IApplicationScores, Committee.ReviewerScores>();

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));

        services.AddImplementationsOf(typeof(IRequestHandler<,>), typeof(IValidator<>), typeof(IAuthorizer<>));
        return services;
    }

    /// <summary>The request types of this assembly, for the tests that check each is wired.</summary>
    public static IEnumerable<Type> RequestTypes() =>
        typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(IsRequest));

    private static bool IsRequest(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>);

    private static void AddImplementationsOf(this IServiceCollection services, params Type[] openInterfaces)
    {
        // FluentValidation.DependencyInjectionExtensions is not served here (docs/adr/0005): scan ourselves.
        foreach (var type in Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
