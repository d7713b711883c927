package org.newsroom.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** B-cubed precision, recall and F1 of a clustering against gold labels, averaged over items. */
record BCubed(double precision, double recall, double f1, int predictedClusters, int goldClusters) {

    static BCubed of(List<String> predicted, List<String> gold) {
        Map<String, Integer> predictedSize = new HashMap<>();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> bothSize = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++) {
            predictedSize.merge(predicted.get(i), 1, Integer::sum);
            goldSize.merge(gold.get(i), 1, Integer::sum);
            bothSize.merge(predicted.get(i) + '\n' + gold.get(i), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double both = bothSize.get(predicted.get(i) + '\n' + gold.get(i));
            precision += both / predictedSize.get(predicted.get(i));
            recall += both / goldSize.get(gold.get(i));
        }
        precision /= predicted.size();
        recall /= predicted.size();
        return new BCubed(precision, recall, 2 * precision * recall / (precision + recall),
                predictedSize.size(), goldSize.size());
    }
}
