package org.newsroom.text;

import java.util.Arrays;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerFactory;
import opennlp.tools.util.SequenceValidator;

/**
 * Tags like {@code POSTaggerME} with a beam of one (greedy decoding gave the same tags as the default beam of three
 * on the development corpus), without {@code BeamSearch}: the beam search sorts every token's outcome scores and
 * copies the growing tag sequence into a new object per token, which cost about a fifth of tagging. The choice is
 * the beam search's own: among the outcomes the validator accepts, the highest sequence score
 * (sum of {@code StrictMath.log} of the probabilities), the first outcome on ties. The one case left out is a sentence
 * whose score falls below the beam search's floor of -100,000, for which {@code POSTaggerME} finds no sequence at all;
 * with the best of n outcomes at probability 1/n or more, that needs tens of thousands of tokens.
 * Not thread-safe: the context generator caches features per sentence.
 */
final class GreedyPosTagger {
    private static final Object[] NO_ADDITIONAL_CONTEXT = new Object[0];

    private final MaxentModel model;
    private final POSContextGenerator contexts;
    private final SequenceValidator<String> validator;
    private final double[] probabilities;

    GreedyPosTagger(POSModel posModel) {
        if (!(posModel.getArtifact("pos.model") instanceof MaxentModel maxent)) {
            throw new IllegalArgumentException("not a maxent POS model");
        }
        POSTaggerFactory factory = posModel.getFactory();
        this.model = maxent;
        this.contexts = factory.getPOSContextGenerator(0);
        this.validator = factory.getSequenceValidator();
        this.probabilities = new double[maxent.getNumOutcomes()];
    }

    String[] tag(String[] words) {
        String[] tags = new String[words.length];
        double score = 0;
        for (int i = 0; i < words.length; i++) {
            String[] previous = Arrays.copyOf(tags, i);
            double[] p = model.eval(contexts.getContext(i, words, previous, NO_ADDITIONAL_CONTEXT), probabilities);
            int best = best(p, i, words, previous, score, true);
            if (best < 0) {
                best = best(p, i, words, previous, score, false);
            }
            tags[i] = model.getOutcome(best);
            score += StrictMath.log(p[best]);
        }
        return tags;
    }

    /**
     * The outcome the beam search keeps: first among the most probable outcomes ({@code onlyMostProbable}), or, when
     * the validator rejects all of those, among all outcomes it accepts; -1 if none.
     */
    private int best(double[] p, int i, String[] words, String[] previous, double score, boolean onlyMostProbable) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        int best = -1;
        double bestScore = 0;
        for (int o = 0; o < p.length; o++) {
            if ((!onlyMostProbable || p[o] >= max) && validator.validSequence(i, words, previous, model.getOutcome(o))) {
                double s = score + StrictMath.log(p[o]);
                if (best < 0 || Double.compare(s, bestScore) > 0) {
                    best = o;
                    bestScore = s;
                }
            }
        }
        return best;
    }
}
