package dev.sigil.otlp;

import java.util.List;

/**
 * The names sigil takes from the OpenTelemetry GenAI semantic conventions, defined once. They are those of
 * {@value #CONVENTION}; the conventions are still marked Development and the Java constants of
 * {@code opentelemetry-semconv-incubating} are deprecated ("moved to the GenAI conventions repository"), so sigil
 * does not import them. A rename in a later version is one edit here and one row in docs/otlp.md.
 */
public final class GenAiNames {

    /** The version of the conventions these names are taken from. */
    public static final String CONVENTION = "OpenTelemetry semantic conventions 1.41.0, docs/gen-ai (status Development)";
    /** The schema URL of that version, given with the instrumentation scope. */
    public static final String SCHEMA_URL = "https://opentelemetry.io/schemas/1.41.0";

    public static final String OPERATION_NAME = "gen_ai.operation.name";
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    public static final String CONVERSATION_ID = "gen_ai.conversation.id";
    public static final String AGENT_NAME = "gen_ai.agent.name";
    public static final String WORKFLOW_NAME = "gen_ai.workflow.name";
    public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
    public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    public static final String USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";
    public static final String USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens";
    public static final String USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    /** The older name of the provider (conventions before 1.37.0), still written by some instrumentations; read only. */
    public static final String SYSTEM = "gen_ai.system";
    /** General conventions, not GenAI's: the class of an error, and the session id Langfuse groups by. */
    public static final String ERROR_TYPE = "error.type";
    public static final String SESSION_ID = "session.id";
    public static final String SERVICE_NAME = "service.name";

    /** Values of {@link #OPERATION_NAME}. */
    public static final String CHAT = "chat";
    public static final String INVOKE_AGENT = "invoke_agent";
    public static final String INVOKE_WORKFLOW = "invoke_workflow";
    public static final String EXECUTE_TOOL = "execute_tool";

    /** Values of {@link #TOKEN_TYPE}. */
    public static final String TOKEN_TYPE_INPUT = "input";
    public static final String TOKEN_TYPE_OUTPUT = "output";

    /** The client metrics: a histogram of tokens by {@link #TOKEN_TYPE}, and one of call durations in seconds. */
    public static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";
    public static final String METRIC_TOKEN_USAGE_UNIT = "{token}";
    public static final String METRIC_OPERATION_DURATION = "gen_ai.client.operation.duration";
    public static final String METRIC_OPERATION_DURATION_UNIT = "s";
    /** The bucket boundaries the conventions advise for the two histograms. */
    public static final List<Long> TOKEN_USAGE_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L,
            1048576L, 4194304L, 16777216L, 67108864L);
    public static final List<Double> OPERATION_DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);

    private GenAiNames() {
    }
}
