package io.aiconexus.gateway.plugin.itests.support;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.aiconexus.gateway.testsupport.GatewayTestBase;

/**
 * A running gateway with an empty deploy folder of its own for each test. After each test, every
 * plugin dropped is removed through the folder and the plugins' configurations are deleted, so
 * the next test starts from the bare platform.
 */
public abstract class PluginTestBase extends GatewayTestBase {

    @InjectBundleContext
    protected BundleContext context;

    @InjectService(timeout = 15000)
    protected ConfigurationAdmin configAdmin;

    protected DeployFolder deploy;

    @BeforeEach
    void createDeployFolder() throws Exception {
        for (String pid : List.of(Plugins.RATE_LIMIT, Plugins.ACCESS_CONTROL, Plugins.AUDIT_LOG, Plugins.ECHO_AGENT)) {
            Configs.delete(configAdmin, pid);
        }
        deploy = DeployFolder.create(context, configAdmin);
    }

    @AfterEach
    void removeDeployFolder() throws Exception {
        deploy.clear();
        for (String pid : List.of(Plugins.RATE_LIMIT, Plugins.ACCESS_CONTROL, Plugins.AUDIT_LOG, Plugins.ECHO_AGENT)) {
            Configs.delete(configAdmin, pid);
        }
    }
}
